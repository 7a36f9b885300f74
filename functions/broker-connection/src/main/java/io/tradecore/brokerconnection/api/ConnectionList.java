package io.tradecore.brokerconnection.api;

import java.util.List;

public record ConnectionList(List<ConnectionView> items) {
}
