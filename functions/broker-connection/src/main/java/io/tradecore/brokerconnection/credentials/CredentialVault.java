package io.tradecore.brokerconnection.credentials;

import io.tradecore.brokerconnection.domain.Credentials;
import io.tradecore.kernel.domain.Rejection;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stores and opens broker credentials (see the package description). Writes join the caller's transaction, so a
 * credential exists exactly when the connection that refers to it does.
 */
public final class CredentialVault {

    private final JdbcClient jdbc;
    private final KeyWrapping keys;

    public CredentialVault(JdbcClient jdbc, KeyWrapping keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    public void store(String credentialRef, String userId, Credentials credentials, Instant at) {
        byte[] dataKey = dataKeyOf(userId, at);
        try {
            byte[] sealed = AesGcm.seal(dataKey, encode(credentials), associatedData(userId, credentialRef));
            jdbc.sql("""
                            INSERT INTO broker_credentials (credential_ref, user_id, ciphertext, created_at)
                            VALUES (:ref, :user, :sealed, :at)""")
                    .param("ref", credentialRef).param("user", userId).param("sealed", sealed)
                    .param("at", Timestamp.from(at)).update();
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** The credentials, or a refusal when they were erased ({@code credentials-unavailable}) or shredded. */
    public Credentials open(String credentialRef, String userId) {
        byte[] wrapped = keyOf(userId).orElseThrow(CredentialVault::unavailable).wrappedOrRefuse();
        byte[] sealed = jdbc.sql("SELECT ciphertext FROM broker_credentials WHERE credential_ref = :ref AND user_id = :user")
                .param("ref", credentialRef).param("user", userId).query(byte[].class).optional()
                .orElseThrow(CredentialVault::unavailable);
        byte[] dataKey = keys.unwrap(wrapped, context(userId));
        try {
            return decode(AesGcm.open(dataKey, sealed, associatedData(userId, credentialRef)));
        } catch (GeneralSecurityException e) {
            throw unavailable();
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /**
     * Refuses ({@code credentials-shredded}) when the user's key was destroyed, else holds the key row until the
     * caller's transaction ends, so a shredding that starts meanwhile waits for it and then sees what it wrote.
     */
    public void requireKeyOf(String userId) {
        jdbc.sql("SELECT shredded_at FROM credential_keys WHERE user_id = :user FOR SHARE").param("user", userId)
                .query((rs, n) -> rs.getTimestamp("shredded_at") != null).optional()
                .filter(shredded -> !shredded).orElseThrow(CredentialVault::shredded);
    }

    public void erase(String credentialRef) {
        jdbc.sql("DELETE FROM broker_credentials WHERE credential_ref = :ref").param("ref", credentialRef).update();
    }

    /**
     * Crypto-shredding: the user's data key is destroyed (a tombstone stays, so the vault answers "shredded" and
     * makes the user no new key), so none of their credentials can be opened again, in this table or in any copy or
     * backup of it; their ciphertexts are deleted too. Idempotent: a second shredding changes nothing.
     */
    public void shred(String userId, Instant at) {
        jdbc.sql("""
                        INSERT INTO credential_keys (user_id, wrapped_key, master_key_id, created_at, shredded_at)
                        VALUES (:user, NULL, NULL, :at, :at)
                        ON CONFLICT (user_id) DO UPDATE SET wrapped_key = NULL, master_key_id = NULL,
                               shredded_at = COALESCE(credential_keys.shredded_at, EXCLUDED.shredded_at)""")
                .param("user", userId).param("at", Timestamp.from(at)).update();
        jdbc.sql("DELETE FROM broker_credentials WHERE user_id = :user").param("user", userId).update();
    }

    public boolean isShredded(String userId) {
        return keyOf(userId).map(key -> key.wrapped() == null).orElse(false);
    }

    /** The user's data key in the clear, made on first use; the key row is held until the caller's commit. */
    private byte[] dataKeyOf(String userId, Instant at) {
        Optional<StoredKey> existing = lockedKeyOf(userId);
        if (existing.isPresent()) {
            return keys.unwrap(existing.get().wrappedOrRefuse(), context(userId));
        }
        KeyWrapping.DataKey fresh = keys.generateDataKey(context(userId));
        int inserted = jdbc.sql("""
                        INSERT INTO credential_keys (user_id, wrapped_key, master_key_id, created_at)
                        VALUES (:user, :wrapped, :master, :at) ON CONFLICT (user_id) DO NOTHING""")
                .param("user", userId).param("wrapped", fresh.wrapped()).param("master", fresh.masterKeyId())
                .param("at", Timestamp.from(at)).update();
        if (inserted == 1) {
            return fresh.plaintext();
        }
        Arrays.fill(fresh.plaintext(), (byte) 0); // another request made the user's key (or shredded it) first
        return keys.unwrap(lockedKeyOf(userId).orElseThrow(CredentialVault::unavailable).wrappedOrRefuse(),
                context(userId));
    }

    /** A user's key row: the wrapped key, or null once shredded. */
    private record StoredKey(byte[] wrapped) {
        byte[] wrappedOrRefuse() {
            if (wrapped == null) {
                throw shredded();
            }
            return wrapped;
        }
    }

    private Optional<StoredKey> keyOf(String userId) {
        return jdbc.sql("SELECT wrapped_key FROM credential_keys WHERE user_id = :user").param("user", userId)
                .query((rs, n) -> new StoredKey(rs.getBytes("wrapped_key"))).optional();
    }

    private Optional<StoredKey> lockedKeyOf(String userId) {
        return jdbc.sql("SELECT wrapped_key FROM credential_keys WHERE user_id = :user FOR SHARE").param("user", userId)
                .query((rs, n) -> new StoredKey(rs.getBytes("wrapped_key"))).optional();
    }

    private static String context(String userId) {
        return "tradecore:user:" + userId;
    }

    private static String associatedData(String userId, String credentialRef) {
        return "tradecore:user:" + userId + ":credential:" + credentialRef;
    }

    private static byte[] encode(Credentials credentials) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new DataOutputStream(bytes)) {
            out.writeUTF(credentials.keyId());
            out.writeUTF(credentials.secret());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    private static Credentials decode(byte[] plaintext) {
        try (var in = new DataInputStream(new ByteArrayInputStream(plaintext))) {
            return new Credentials(in.readUTF(), in.readUTF());
        } catch (IOException e) {
            throw unavailable();
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

    /** The code the vault answers with once a user's key was destroyed (the user was deleted). */
    public static final String SHREDDED = "credentials-shredded";

    private static Rejection shredded() {
        return Rejection.unprocessable(SHREDDED, "the user's credential key was destroyed; their credentials are gone");
    }

    private static Rejection unavailable() {
        return Rejection.unprocessable("credentials-unavailable", "the connection's credentials can no longer be read");
    }
}
