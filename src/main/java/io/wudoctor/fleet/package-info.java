/**
 * Fleet scale: many machines in one JVM with one rule load. {@link io.wudoctor.fleet.FleetDiagnoser}
 * turns one source into a {@link io.wudoctor.fleet.MachineRecord} (a bad source becomes an error
 * record, never an exception), {@link io.wudoctor.fleet.FleetTally} counts records into the fleet
 * summary. {@code wudoctor batch} and the Spark job (spark/) share both, so their results agree.
 */
package io.wudoctor.fleet;
