package io.tradecore.useraccount.api;

import java.util.List;

/** One page of the administrators' user listing, oldest accounts first. */
public record UserPage(List<UserView> items, int page, int size, long total) {
}
