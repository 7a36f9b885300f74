package io.tradecore.brokerconnection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tradecore.contracts.broker.BrokerException;
import io.tradecore.contracts.broker.ConnectedBrokers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The adapter of an active connection, as the data-sync worker gets it: for its owner, while it is active. */
class ConnectedBrokerAccessIT extends BrokerConnectionIT {

    @Autowired
    ConnectedBrokers brokers;

    @Test
    void an_active_connection_gives_its_owner_a_working_adapter_and_nobody_else_one() {
        User user = user();
        String keyId = key("ok");
        String id = connected(user, keyId, "secret-" + keyId);
        awaitStatus(user, id, "active");

        assertThat(brokers.adapter(id, user.id()).account("any").accountRef()).isEqualTo(keyId + "-main");
        assertThatThrownBy(() -> brokers.adapter(id, user().id()))
                .isInstanceOfSatisfying(BrokerException.class,
                        e -> assertThat(e.code()).isEqualTo(BrokerException.Code.NOT_FOUND));

        assertThat(http.post("/api/connections/" + id + "/disconnect", user.token(), "{}").status()).isEqualTo(200);
        awaitStatus(user, id, "disconnected");
        assertThatThrownBy(() -> brokers.adapter(id, user.id()))
                .isInstanceOfSatisfying(BrokerException.class,
                        e -> assertThat(e.code()).isEqualTo(BrokerException.Code.NOT_FOUND));
    }
}
