package io.tradecore.useraccount;

import static io.tradecore.kernel.catalog.CatalogEntry.command;
import static io.tradecore.kernel.catalog.CatalogEntry.projector;
import static io.tradecore.kernel.catalog.CatalogEntry.query;

import io.tradecore.kernel.catalog.CatalogEntry;
import io.tradecore.kernel.catalog.CatalogModule;
import io.tradecore.useraccount.domain.Users;
import java.util.List;

/** user_account's functions and their triggers. */
public final class UserAccountCatalog implements CatalogModule {

    @Override
    public String domain() {
        return Users.DOMAIN;
    }

    @Override
    public List<CatalogEntry> functions() {
        return List.of(
                command("createUser", "POST", "/api/users/create").publicRoute(),
                command("issueToken", "POST", "/api/auth/token").publicRoute(),
                command("updateProfile", "POST", "/api/users/{userId}/update-profile"),
                command("changeEmail", "POST", "/api/users/{userId}/change-email"),
                command("deactivateUser", "POST", "/api/users/{userId}/deactivate"),
                command("deleteUser", "POST", "/api/users/{userId}/delete"),
                query("getUserById", "/api/users/{userId}", "users"),
                query("getUserByUsername", "/api/users/by-username/{username}", "users"),
                query("listUsers", "/api/users", "users"),
                projector("projectUsers", "transport." + Users.DOMAIN));
    }
}
