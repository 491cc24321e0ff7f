package dev.fsm.aot.parcel;

/** The argument of {@link Parcel#dispatch}: bound from JSON by the HTTP API. */
public record Delivery(String address) {

}
