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

    /** The credentials, or a refusal when they were erased or their user's key was destroyed. */
    public Credentials open(String credentialRef, String userId) {
        byte[] sealed = jdbc.sql("SELECT ciphertext FROM broker_credentials WHERE credential_ref = :ref AND user_id = :user")
                .param("ref", credentialRef).param("user", userId).query(byte[].class).optional()
                .orElseThrow(CredentialVault::unavailable);
        byte[] wrapped = wrappedKeyOf(userId).orElseThrow(CredentialVault::unavailable);
        byte[] dataKey = keys.unwrap(wrapped, context(userId));
        try {
            return decode(AesGcm.open(dataKey, sealed, associatedData(userId, credentialRef)));
        } catch (GeneralSecurityException e) {
            throw unavailable();
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    public void erase(String credentialRef) {
        jdbc.sql("DELETE FROM broker_credentials WHERE credential_ref = :ref").param("ref", credentialRef).update();
    }

    /** Crypto-shredding: the user's data key is destroyed, so none of their credentials can be opened again. */
    public void shred(String userId) {
        jdbc.sql("DELETE FROM credential_keys WHERE user_id = :user").param("user", userId).update();
    }

    private byte[] dataKeyOf(String userId, Instant at) {
        Optional<byte[]> existing = wrappedKeyOf(userId);
        if (existing.isPresent()) {
            return keys.unwrap(existing.get(), context(userId));
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
        Arrays.fill(fresh.plaintext(), (byte) 0); // another request made the user's key first: use that one
        return keys.unwrap(wrappedKeyOf(userId).orElseThrow(), context(userId));
    }

    private Optional<byte[]> wrappedKeyOf(String userId) {
        return jdbc.sql("SELECT wrapped_key FROM credential_keys WHERE user_id = :user").param("user", userId)
                .query(byte[].class).optional();
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

    private static Rejection unavailable() {
        return Rejection.unprocessable("credentials-unavailable", "the connection's credentials can no longer be read");
    }
}
