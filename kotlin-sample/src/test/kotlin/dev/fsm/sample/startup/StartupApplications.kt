package dev.fsm.sample.startup

import dev.fsm.sample.startup.objectflow.LeaveFlow
import dev.fsm.sample.startup.overloads.DoorFlow
import dev.fsm.sample.startup.suspending.JobFlow
import org.springframework.boot.autoconfigure.AutoConfigurationPackage
import org.springframework.boot.autoconfigure.EnableAutoConfiguration
import org.springframework.context.annotation.Configuration
import org.springframework.context.annotation.Import

// One application per fixture package: its entities, the auto-configuration, nothing else.

@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@AutoConfigurationPackage(basePackages = ["dev.fsm.sample.startup.suspending"])
@Import(JobFlow::class)
class SuspendingApplication

@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@AutoConfigurationPackage(basePackages = ["dev.fsm.sample.startup.valstate"])
class ValStateApplication

@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@AutoConfigurationPackage(basePackages = ["dev.fsm.sample.startup.dataclass"])
class DataClassApplication

/** Entities compiled with the jpa plugin only (src/test/kotlin-jpa-only): no all-open. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@AutoConfigurationPackage(basePackages = ["dev.fsm.sample.startup.closed"])
class FinalClassApplication

/** Entities compiled with the jpa plugin only: no all-open. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@AutoConfigurationPackage(basePackages = ["dev.fsm.sample.startup.finalfunction"])
class FinalFunctionApplication

/** Entities compiled with the jpa plugin only: no invokeInitializers. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@AutoConfigurationPackage(basePackages = ["dev.fsm.sample.startup.noinitializers"])
class NoInitializersApplication

/** Run by WithoutKotlinReflectTests, on a test classpath without kotlin-reflect. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@AutoConfigurationPackage(basePackages = ["dev.fsm.sample.startup.noreflect"])
class NoReflectApplication

@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@AutoConfigurationPackage(basePackages = ["dev.fsm.sample.startup.overloads"])
@Import(DoorFlow::class)
class OverloadsApplication

@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@AutoConfigurationPackage(basePackages = ["dev.fsm.sample.startup.objectflow"])
@Import(LeaveFlow::class)
class ObjectFlowApplication

@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@AutoConfigurationPackage(basePackages = ["dev.fsm.sample.startup.toplevel"])
class TopLevelFunctionApplication

/** Entities compiled with the jpa plugin only: constructor parameters without val or var. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@AutoConfigurationPackage(basePackages = ["dev.fsm.sample.startup.ctorparams"])
class ConstructorParameterApplication

/** The same, with @StateField(initial = ..). */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
@AutoConfigurationPackage(basePackages = ["dev.fsm.sample.startup.ctorinitial"])
class DeclaredInitialApplication
