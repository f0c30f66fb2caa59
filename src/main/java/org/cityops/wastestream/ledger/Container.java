package org.cityops.wastestream.ledger;

/** A producer's bin (收集桶): its RFID tag or painted number and its volume in litres. */
public record Container(long id, long producerId, String tag, int volumeL) {}
