package io.tradecore.kernel.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RowDifferenceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Test
    void a_row_only_the_replay_has_is_missing_and_one_only_live_has_is_extra() {
        JsonNode key = json("{\"order_id\":\"o1\"}");
        JsonNode row = json("{\"order_id\":\"o1\",\"status\":\"filled\"}");
        RowDifference missing = RowDifference.of("orders", key, null, row);
        assertThat(missing.kind()).isEqualTo("missing");
        assertThat(missing.columns()).containsExactly("order_id", "status");
        assertThat(RowDifference.of("orders", key, row, null).kind()).isEqualTo("extra");
    }

    @Test
    void a_changed_row_names_the_columns_that_differ_and_numbers_compare_by_value() {
        JsonNode live = json("{\"order_id\":\"o1\",\"status\":\"canceled\",\"quantity\":1.0,\"filled\":999,\"reason\":null}");
        JsonNode expected = json("{\"order_id\":\"o1\",\"status\":\"filled\",\"quantity\":1.00,\"filled\":5}");
        RowDifference difference = RowDifference.of("orders", json("{\"order_id\":\"o1\"}"), live, expected);
        assertThat(difference.kind()).isEqualTo("different");
        assertThat(difference.columns()).containsExactly("filled", "status");
    }

    @Test
    void a_value_against_null_differs() {
        assertThat(RowDifference.differingColumns(json("{\"a\":null,\"b\":1}"), json("{\"a\":\"x\",\"b\":1}")))
                .containsExactly("a");
    }
}
