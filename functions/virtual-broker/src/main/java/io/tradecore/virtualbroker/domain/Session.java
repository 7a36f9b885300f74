package io.tradecore.virtualbroker.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The trading session's daily close in its exchange's zone (16:00 America/New_York by default). A day order works
 * until the first close after it was received, Monday to Friday; exchange holidays are not modelled.
 */
public record Session(LocalTime close, ZoneId zone) {

    public Instant nextCloseAfter(Instant received) {
        ZonedDateTime local = received.atZone(zone);
        ZonedDateTime close = local.with(this.close);
        if (!close.isAfter(local)) {
            close = close.plusDays(1);
        }
        while (close.getDayOfWeek() == DayOfWeek.SATURDAY || close.getDayOfWeek() == DayOfWeek.SUNDAY) {
            close = close.plusDays(1);
        }
        return close.toInstant();
    }
}
