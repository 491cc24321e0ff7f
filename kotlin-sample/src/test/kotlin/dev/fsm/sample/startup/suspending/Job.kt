package dev.fsm.sample.startup.suspending

import dev.fsm.StateField
import dev.fsm.Transition
import jakarta.persistence.Entity
import jakarta.persistence.EnumType
import jakarta.persistence.Enumerated
import jakarta.persistence.GeneratedValue
import jakarta.persistence.Id
import jakarta.persistence.Version
import kotlinx.coroutines.delay
import org.springframework.stereotype.Service

enum class JobState { QUEUED, RUNNING, DONE }

@Entity
class Job {

    @Id
    @GeneratedValue
    var id: Long? = null

    @Version
    var version: Long? = null

    @StateField
    @Enumerated(EnumType.STRING)
    var state: JobState = JobState.QUEUED
        protected set

    var progress: String? = null

    /** After delay() the body would run outside the transaction, and its change would not be saved. */
    @Transition(source = ["QUEUED"], target = ["RUNNING"])
    suspend fun start() {
        delay(10)
        progress = "started"
    }

}

@Service
class JobFlow {

    @Transition(source = ["RUNNING"], target = ["DONE"])
    suspend fun finish(job: Job) {
        delay(10)
        job.progress = "done"
    }

}
