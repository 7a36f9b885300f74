package io.tradecore.useraccount;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boots user_account's functions with the kernel, as a function jar would. */
@SpringBootApplication
public class UserAccountTestApplication {
}
