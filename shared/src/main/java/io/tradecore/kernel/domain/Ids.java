package io.tradecore.kernel.domain;

import java.util.UUID;

/** The one source of new ids: time-ordered UUIDv7, so ids sort by creation and index well. */
@FunctionalInterface
public interface Ids {

    UUID next();
}
