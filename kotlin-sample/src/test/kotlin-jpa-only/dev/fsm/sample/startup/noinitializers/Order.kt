package dev.fsm.sample.startup.noinitializers

import dev.fsm.StateField
import dev.fsm.Transition
import jakarta.persistence.Entity
import jakarta.persistence.EnumType
import jakarta.persistence.Enumerated
import jakarta.persistence.GeneratedValue
import jakarta.persistence.Id
import jakarta.persistence.Table
import jakarta.persistence.Version

enum class OrderState { NEW, SHIPPED }

/**
 * Compiled with the jpa plugin but without invokeInitializers: the no-argument constructor the
 * plugin generates leaves `state` null although Kotlin initializes it.
 */
@Entity
@Table(name = "orders")
open class Order(open var number: String) {

    @Id
    @GeneratedValue
    open var id: Long? = null

    @Version
    open var version: Long? = null

    @StateField
    @Enumerated(EnumType.STRING)
    open var state: OrderState = OrderState.NEW
        protected set

    @Transition(source = ["NEW"], target = ["SHIPPED"])
    open fun ship() {
    }

}
