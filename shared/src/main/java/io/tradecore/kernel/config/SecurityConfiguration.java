package io.tradecore.kernel.config;

import io.tradecore.kernel.catalog.FunctionCatalogIndex;
import io.tradecore.kernel.gateway.OpenApiDocument;
import io.tradecore.kernel.gateway.Problems;
import io.tradecore.kernel.live.LiveEndpoint;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every route needs a verified bearer token except the catalog's public ones and the health probes (the servlet
 * runtime; on Lambda, {@code HttpApiHandler} applies the same rule with the same {@code JwtDecoder}). The live feed's
 * WebSocket handshake may also carry its token as a query parameter ({@link LiveEndpoint}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
class SecurityConfiguration {

    @Bean
    SecurityFilterChain gatewaySecurity(HttpSecurity http, FunctionCatalogIndex catalog, JsonMapper json) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    catalog.routes().filter(entry -> entry.http().isPublic()).forEach(entry -> requests
                            .requestMatchers(HttpMethod.valueOf(entry.http().method()), entry.http().path()).permitAll());
                    requests.requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll();
                    requests.requestMatchers("/actuator/**").hasRole("admin");
                    requests.requestMatchers(HttpMethod.GET, OpenApiDocument.PATH).permitAll();
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(resource -> resource.bearerTokenResolver(LiveEndpoint.tokenResolver()).jwt(jwt -> jwt.jwtAuthenticationConverter(roles()))
                        .authenticationEntryPoint((request, response, failure) ->
                                problem(response, json, HttpStatus.UNAUTHORIZED, "unauthenticated",
                                        "a valid bearer token is required")))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, failure) ->
                                problem(response, json, HttpStatus.UNAUTHORIZED, "unauthenticated",
                                        "a valid bearer token is required"))
                        .accessDeniedHandler((request, response, denied) ->
                                problem(response, json, HttpStatus.FORBIDDEN, "forbidden", "not allowed")));
        return http.build();
    }

    /**
     * No observation per security filter, authentication and authorization. Without this bean Spring Security wraps
     * every filter of the chain in an observation even when they are disabled by name (they are then no-ops that
     * still cost their wrappers): 58 % of the gateway threads' samples were outside the route, most of them in that
     * wrapping. The request's own observation ({@code http.server.requests}) stays.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** The token's {@code roles} claim becomes {@code ROLE_*} authorities (admin-only routes like metrics). */
    private static JwtAuthenticationConverter roles() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    private static void problem(HttpServletResponse response, JsonMapper json, HttpStatus status, String code,
                                String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        }
        json.writeValue(response.getOutputStream(), Problems.problem(status, code, detail));
    }
}
