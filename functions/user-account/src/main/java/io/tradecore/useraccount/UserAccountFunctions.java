package io.tradecore.useraccount;

import io.tradecore.kernel.cache.ReadModelCache;
import io.tradecore.kernel.command.Aggregates;
import io.tradecore.kernel.command.CommandHandler;
import io.tradecore.kernel.command.UniqueClaims;
import io.tradecore.kernel.config.KernelConfiguration;
import io.tradecore.kernel.config.TradeCoreProperties;
import io.tradecore.kernel.domain.EventTypes;
import io.tradecore.kernel.domain.Ids;
import io.tradecore.kernel.domain.Rejection;
import io.tradecore.kernel.function.Command;
import io.tradecore.kernel.function.CommandResult;
import io.tradecore.kernel.function.ConsistencyToken;
import io.tradecore.kernel.function.Query;
import io.tradecore.kernel.projection.ProjectionRuntime;
import io.tradecore.kernel.security.PasswordHasher;
import io.tradecore.kernel.security.TokenService;
import io.tradecore.kernel.security.TokenService.AccessToken;
import io.tradecore.useraccount.api.UserPage;
import io.tradecore.useraccount.api.UserQueries.GetUserById;
import io.tradecore.useraccount.api.UserQueries.GetUserByUsername;
import io.tradecore.useraccount.api.UserQueries.ListUsers;
import io.tradecore.useraccount.api.UserView;
import io.tradecore.useraccount.credentials.AccountDeletion;
import io.tradecore.useraccount.credentials.Registration;
import io.tradecore.useraccount.credentials.TokenRequest;
import io.tradecore.useraccount.credentials.UserCredentials;
import io.tradecore.useraccount.domain.UserCommand;
import io.tradecore.useraccount.domain.UserCommand.ChangeEmail;
import io.tradecore.useraccount.domain.UserCommand.DeactivateUser;
import io.tradecore.useraccount.domain.UserCommand.DeleteUser;
import io.tradecore.useraccount.domain.UserCommand.RegisterUser;
import io.tradecore.useraccount.domain.UserCommand.UpdateProfile;
import io.tradecore.useraccount.domain.UserEvent;
import io.tradecore.useraccount.domain.UserId;
import io.tradecore.useraccount.domain.UserState;
import io.tradecore.useraccount.domain.Users;
import io.tradecore.useraccount.readmodel.UserProjection;
import io.tradecore.useraccount.readmodel.UserReadModel;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/** user_account's function beans; each hands its work to the kernel. Routes and topics: {@link UserAccountCatalog}. */
@AutoConfiguration(after = KernelConfiguration.class)
public class UserAccountFunctions {

    static final String USERNAMES = "user_account.username";
    static final String EMAILS = "user_account.email";

    @Bean
    EventTypes<UserEvent> userEvents() {
        return Users.EVENTS;
    }

    @Bean
    UserCredentials userCredentials(JdbcClient jdbc) {
        return new UserCredentials(jdbc);
    }

    @Bean
    UserReadModel userReadModel(JdbcClient jdbc) {
        return new UserReadModel(jdbc);
    }

    @Bean
    UserProjection userProjection(JdbcClient jdbc, ReadModelCache cache) {
        return new UserProjection(jdbc, cache);
    }

    /**
     * Every user command, with what must commit together with its events: the set-wide claims on usernames and
     * emails, disabling sign-in on deactivation, and forgetting the person on deletion.
     */
    @Bean
    CommandHandler<UserCommand, UserState, UserEvent> userCommands(Aggregates aggregates, UniqueClaims claims,
                                                                   UserCredentials credentials, JdbcClient jdbc) {
        return aggregates.handler(Users.AGGREGATE, command -> command.userId().toString())
                .authorizedBy((command, user) -> {
                    if (!(command.body() instanceof RegisterUser)) {
                        command.actor().requireSelfOrAdmin(user.streamId(), "user");
                    }
                })
                .withinAppend((command, before, events) -> events.forEach(event -> {
                    String owner = event.userId().toString();
                    switch (event) {
                        case UserEvent.UserRegistered e -> {
                            claims.claim(USERNAMES, e.username().value(), owner,
                                    () -> Rejection.conflict("username-taken", "this username is already taken"));
                            claims.claim(EMAILS, e.email().value(), owner,
                                    () -> Rejection.conflict("email-taken", "this email is already in use"));
                        }
                        case UserEvent.EmailChanged e -> {
                            claims.release(EMAILS, e.previous().value(), owner);
                            claims.claim(EMAILS, e.email().value(), owner,
                                    () -> Rejection.conflict("email-taken", "this email is already in use"));
                        }
                        case UserEvent.UserDeactivated e -> credentials.deactivate(e.userId().value());
                        case UserEvent.ProfileUpdated e -> { }
                        case UserEvent.UserDeleted e -> forget(before.state(), owner, claims, credentials, jdbc);
                    }
                }));
    }

    /**
     * Deletion, in the event's transaction: the username and email become free again (their claim rows are personal
     * data too), the password hash goes, and so does the stream's snapshot, which held the profile.
     */
    private static void forget(UserState before, String owner, UniqueClaims claims, UserCredentials credentials,
                               JdbcClient jdbc) {
        switch (before) {
            case UserState.Active a -> release(claims, owner, a.username().value(), a.email().value());
            case UserState.Deactivated d -> release(claims, owner, d.username().value(), d.email().value());
            case UserState.Deleted d -> { }
            case UserState.Unregistered u -> { }
        }
        credentials.delete(java.util.UUID.fromString(owner));
        jdbc.sql("DELETE FROM event_store_snapshots WHERE stream_id = ?").param(owner).update();
    }

    private static void release(UniqueClaims claims, String owner, String username, String email) {
        claims.release(USERNAMES, username, owner);
        claims.release(EMAILS, email, owner);
    }

    /**
     * Deletes an account: the user themselves, re-confirming with their password, or an administrator. The
     * password is checked outside the transaction (the hash is slow on purpose); a deleted account answers 404
     * {@code user-deleted} before any password is asked for.
     */
    @Bean
    Function<Command<AccountDeletion>, CommandResult> deleteUser(CommandHandler<UserCommand, UserState, UserEvent> users,
                                                                 Aggregates aggregates, UserCredentials credentials,
                                                                 PasswordHasher hasher) {
        return command -> {
            UserId id = command.body().userId();
            command.actor().requireSelfOrAdmin(id.toString(), "user");
            switch (aggregates.load(Users.AGGREGATE, id.toString()).state()) {
                case UserState.Deleted d -> throw Users.userDeleted();
                case UserState.Unregistered u -> throw Users.userNotFound();
                case UserState.Active a -> { }
                case UserState.Deactivated d -> { }
            }
            if (!command.actor().isAdmin() && !command.actor().isSystem()) {
                String password = command.body().password();
                if (password == null) {
                    throw Rejection.invalid("password", "re-enter your password to delete your account");
                }
                if (!hasher.matches(password, credentials.hashOf(id.value()).orElse(null))) {
                    throw Rejection.unprocessable("password-mismatch", "the password does not match this account");
                }
            }
            return users.apply(command.map(body -> new DeleteUser(body.userId())));
        };
    }

    @Bean
    Function<Command<Registration>, CommandResult> createUser(CommandHandler<UserCommand, UserState, UserEvent> users,
                                                              UserCredentials credentials, PasswordHasher hasher,
                                                              Ids ids) {
        return command -> {
            Registration form = command.body();
            String hash = hasher.hash(form.password().value()); // slow on purpose; outside the transaction
            UserId id = new UserId(ids.next());
            return users.withinAppend((c, before, events) -> credentials.create(id.value(), hash))
                    .apply(command.map(f -> new RegisterUser(id, f.username(), f.email(), f.displayName())));
        };
    }

    @Bean
    Function<Command<TokenRequest>, AccessToken> issueToken(UserCredentials credentials, PasswordHasher hasher,
                                                            TokenService tokens, TradeCoreProperties properties) {
        List<String> admins = properties.security().adminUsernames();
        return command -> {
            String username = command.body().username().strip().toLowerCase(java.util.Locale.ROOT);
            var credential = credentials.byUsername(USERNAMES, username);
            boolean valid = hasher.matches(command.body().password(), credential.map(c -> c.passwordHash()).orElse(null));
            if (!valid || !credential.get().active()) {
                throw Rejection.unauthenticated("invalid-credentials", "unknown username, wrong password or inactive account");
            }
            Set<String> roles = admins.contains(username) ? Set.of("admin") : Set.of();
            return tokens.issue(credential.get().userId().toString(), username, roles);
        };
    }

    @Bean
    Function<Command<UpdateProfile>, CommandResult> updateProfile(CommandHandler<UserCommand, UserState, UserEvent> users) {
        return command -> users.apply(command.map(UserCommand.class::cast));
    }

    @Bean
    Function<Command<ChangeEmail>, CommandResult> changeEmail(CommandHandler<UserCommand, UserState, UserEvent> users) {
        return command -> users.apply(command.map(UserCommand.class::cast));
    }

    @Bean
    Function<Command<DeactivateUser>, CommandResult> deactivateUser(CommandHandler<UserCommand, UserState, UserEvent> users) {
        return command -> users.apply(command.map(UserCommand.class::cast));
    }

    @Bean
    Function<Query<GetUserById>, UserView> getUserById(UserReadModel users, ReadModelCache cache) {
        return query -> {
            String id = query.params().userId().toString();
            query.actor().requireSelfOrAdmin(id, "user");
            long atLeast = query.context().consistencyToken() == null ? 0
                    : ConsistencyToken.parse(query.context().consistencyToken()).version();
            return cache.getOrLoad(UserProjection.cacheKey(id), UserView.class, cached -> cached.version() >= atLeast,
                    () -> users.byId(query.params().userId().value()).orElseThrow(Users::userNotFound));
        };
    }

    @Bean
    Function<Query<GetUserByUsername>, UserView> getUserByUsername(UserReadModel users) {
        return query -> {
            UserView user = users.byUsername(query.params().username().value()).orElseThrow(Users::userNotFound);
            query.actor().requireSelfOrAdmin(user.id(), "user");
            return user;
        };
    }

    @Bean
    Function<Query<ListUsers>, UserPage> listUsers(UserReadModel users) {
        return query -> {
            query.actor().requireAdmin();
            return users.page(query.params().page(), query.params().size());
        };
    }

    @Bean
    Consumer<List<byte[]>> projectUsers(ProjectionRuntime runtime, UserProjection projection) {
        return runtime.consumer(projection);
    }
}
