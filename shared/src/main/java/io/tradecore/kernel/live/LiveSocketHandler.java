package io.tradecore.kernel.live;

import io.tradecore.kernel.function.Actor;
import io.tradecore.kernel.security.Actors;
import java.io.IOException;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.AbstractWebSocketHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The socket at {@value LiveEndpoint#PATH}. The handshake has already passed the gateway's token check (an
 * unauthenticated upgrade is answered 401 before it happens); the socket belongs to the token's user for its whole
 * life. After the subscription is in place the server sends {@code {"type":"live.subscribed","userId":…}}; events
 * follow as {@link LiveEvent} frames. A client may send {@code {"type":"ping"}} (browsers cannot send ping frames)
 * and gets {@code {"type":"live.pong"}}; anything else it sends is ignored.
 */
final class LiveSocketHandler extends AbstractWebSocketHandler {

    private static final String SOCKET = LiveSocket.class.getName();

    private final LiveHub hub;
    private final JsonMapper json;
    private final int sendBuffer;

    LiveSocketHandler(LiveHub hub, JsonMapper json, int sendBuffer) {
        this.hub = hub;
        this.json = json;
        this.sendBuffer = sendBuffer;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        Actor actor = Actors.from(session.getPrincipal());
        if (!actor.isAuthenticated()) {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("unauthenticated"));
            return;
        }
        LiveSocket socket = new LiveSocket(session.getId(), actor.userId(), new LiveSocket.Outlet() {
            @Override
            public void send(org.springframework.web.socket.WebSocketMessage<?> message) throws IOException {
                session.sendMessage(message);
            }

            @Override
            public void close(CloseStatus status) throws IOException {
                session.close(status);
            }
        }, sendBuffer, System::nanoTime);
        session.getAttributes().put(SOCKET, socket);
        socket.start();
        hub.join(socket);
        socket.offer(new TextMessage(json.writeValueAsString(json.createObjectNode()
                .put("type", "live.subscribed").put("userId", actor.userId()))));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        LiveSocket socket = socketOf(session);
        if (socket == null) {
            return;
        }
        socket.heard();
        if (isPing(message.getPayload())) {
            socket.offer(new TextMessage("{\"type\":\"live.pong\"}"));
        }
    }

    @Override
    protected void handlePongMessage(WebSocketSession session, PongMessage message) {
        LiveSocket socket = socketOf(session);
        if (socket != null) {
            socket.heard();
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        LiveSocket socket = socketOf(session);
        if (socket != null) {
            socket.close(CloseStatus.SERVER_ERROR);
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        LiveSocket socket = socketOf(session);
        if (socket != null) {
            socket.stop();
            hub.leave(socket);
        }
    }

    private boolean isPing(String text) {
        if (text.length() > 256) {
            return false;
        }
        try {
            JsonNode node = json.readTree(text);
            return node != null && node.isObject() && node.has("type") && "ping".equals(node.get("type").asString());
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    private static LiveSocket socketOf(WebSocketSession session) {
        return (LiveSocket) session.getAttributes().get(SOCKET);
    }
}
