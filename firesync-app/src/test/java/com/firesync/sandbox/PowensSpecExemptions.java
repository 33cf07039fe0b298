package com.firesync.sandbox;

import com.atlassian.oai.validator.whitelist.ValidationErrorsWhitelist;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every place where the contract test departs from Powens' official OpenAPI description, each named and explained.
 * The description has mistakes and gaps; the sandbox follows Powens (the description where it is right,
 * {@code ../shared/reference/powens.md} where it is silent), never a mistake of the description. Nothing else may
 * relax the contract test.
 * <p>
 * Mistakes that need no correction here, because only answers are validated:
 * <ul>
 * <li>{@code RenewAccessTokenRequest} requires {@code code}, which belongs to the code exchange
 * ({@code /auth/token/access}); Powens' own text for {@code /auth/renew} (client id and secret, optional
 * {@code id_user} and {@code revoke_previous}) takes none, and neither the client nor the sandbox sends or asks for
 * one;</li>
 * <li>{@code ConnectionUpdateRequest.resume} is a string whose only allowed value is the boolean {@code true}.</li>
 * </ul>
 */
final class PowensSpecExemptions {

    private PowensSpecExemptions() {
    }

    /** The description as the contract test uses it: {@code api} with the corrections below applied. */
    static OpenAPI amend(OpenAPI api) {
        nullAlternativesOfOpenApi31(api);
        nullableTypeLists(api);
        errorCodesBeyondTheEnum(api);
        fieldsPowensSendsBeyondTheDescription(api);
        transactionListInOnePiece(api);
        sandboxRoutesMissingFromTheDescription(api);
        errorsAreServiceErrors(api);
        return api;
    }

    /**
     * Validator messages ignored, by name. Empty: nothing the sandbox answers is exempted. An area another team owns
     * (transaction generation, dates, {@code last_update} precision, foreign-currency fields) would be exempted here
     * with a rule named after it, not shaped in the sandbox.
     */
    static ValidationErrorsWhitelist whitelist() {
        return ValidationErrorsWhitelist.create();
    }

    /**
     * MISTAKE: the description is OpenAPI 3.0.1 but writes nullable references the OpenAPI 3.1 way,
     * {@code oneOf: [{$ref: X}, {type: null}]}. In 3.0 YAML {@code type: null} is no type at all, an alternative that
     * matches everything, so every non-null value would match both alternatives and fail {@code oneOf}. The intent
     * is "X or null": it becomes {@code anyOf: [X, <null only>]}.
     */
    private static void nullAlternativesOfOpenApi31(OpenAPI api) {
        Set<Schema<?>> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        api.getComponents().getSchemas().values().forEach(schema -> replaceEmptyAlternatives(schema, seen));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void replaceEmptyAlternatives(Schema<?> schema, Set<Schema<?>> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (schema.getOneOf() != null && schema.getOneOf().stream().anyMatch(PowensSpecExemptions::isEmpty)) {
            // anyOf, not oneOf: X may itself be nullable (ConnectionState), and null then matches both
            schema.setAnyOf(schema.getOneOf()
                    .stream()
                    .map(alternative -> isEmpty(alternative) ? nullOnly() : alternative)
                    .toList());
            schema.setOneOf(null);
        }
        List<Schema<?>> children = new ArrayList<>();
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(children::add);
        }
        if (schema.getItems() != null) {
            children.add(schema.getItems());
        }
        for (List<Schema> list : Arrays.asList(schema.getOneOf(), schema.getAllOf(), schema.getAnyOf())) {
            if (list != null) {
                list.forEach(child -> children.add((Schema<?>) child));
            }
        }
        children.forEach(child -> replaceEmptyAlternatives(child, seen));
    }

    private static boolean isEmpty(Schema schema) {
        return schema.getType() == null && schema.get$ref() == null && schema.getProperties() == null
                && schema.getOneOf() == null && schema.getAllOf() == null && schema.getAnyOf() == null
                && schema.getEnum() == null && schema.getItems() == null;
    }

    /** OpenAPI 3.0's way to say "null and nothing else". */
    private static Schema<?> nullOnly() {
        Schema<Object> schema = new Schema<>();
        schema.setType("string");
        schema.setNullable(true);
        schema.setEnum(new ArrayList<>(Arrays.asList((Object) null)));
        return schema;
    }

    /**
     * MISTAKE: {@code type: [string, null]} (OpenAPI 3.1) in a 3.0.1 description: the parser keeps the first type
     * and drops {@code null}. These schemas are meant to be nullable ({@code ConnectionState}: "The null value
     * indicates a successful sync"; the connector's optional expands).
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void nullableTypeLists(OpenAPI api) {
        Map<String, Schema> components = api.getComponents().getSchemas();
        Schema<?> state = components.get("ConnectionState");
        state.setNullable(true);
        List<Object> states = new ArrayList<>(state.getEnum());
        states.add(null);
        ((Schema<Object>) (Schema<?>) state).setEnum(states);
        for (String property : List.of("sources", "fields", "countries")) {
            ((Schema<?>) components.get("Connector").getProperties().get(property)).setNullable(true);
        }
        ((Schema<?>) components.get("CredentialsField").getProperties().get("values")).setNullable(true);
    }

    /**
     * GAP: {@code ServiceErrorCode} lists the codes of some endpoints only. Powens' "Errors" page
     * ({@code powens.md} §3.5) names common codes it lacks ({@code invalidValue}, {@code missingParameter},
     * {@code methodNotAllowed}); connection states are also answered as error codes ({@code SCARequired} on a sync
     * that needs SCA, {@code rateLimiting}); {@code invalidToken} (401) and {@code notFound} (404) are what the
     * sandbox answers where Powens' documentation we have names no code.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void errorCodesBeyondTheEnum(OpenAPI api) {
        Schema<Object> codes = (Schema<Object>) (Schema<?>) api.getComponents().getSchemas().get("ServiceErrorCode");
        List<Object> values = new ArrayList<>(codes.getEnum());
        values.addAll(List.of("invalidValue", "missingParameter", "methodNotAllowed", "SCARequired", "rateLimiting",
                "invalidToken", "notFound"));
        codes.setEnum(values);
    }

    /**
     * GAP: fields Powens sends that the description leaves out ({@code powens.md}): the transaction's
     * {@code original_wording}, {@code simplified_wording} and {@code categories} (§2.5: the documentation, the legacy
     * Swagger and live payloads have them), the account's {@code bic}, {@code opening_date} and {@code error} (§2.4),
     * the {@code total} of the legacy lists and {@code coming_balances} (§2.1), and the transaction list's
     * {@code _links} (§2.3). Every other property the description does not define fails validation.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void fieldsPowensSendsBeyondTheDescription(OpenAPI api) {
        Map<String, Schema> components = api.getComponents().getSchemas();
        components.get("Transaction")
                .addProperty("original_wording", new Schema<>().type("string"))
                .addProperty("simplified_wording", new Schema<>().type("string"))
                .addProperty("categories", new Schema<>().type("array"));
        components.get("BankAccount")
                .addProperty("bic", new Schema<>().type("string").nullable(true))
                .addProperty("opening_date", new Schema<>().type("string").format("date").nullable(true))
                .addProperty("error", new Schema<>().type("string").nullable(true));
        components.get("ConnectionsList").addProperty("total", new Schema<>().type("integer"));
        components.get("BankAccountsList")
                .addProperty("total", new Schema<>().type("integer"))
                .addProperty("coming_balances",
                        (Schema<?>) components.get("BankAccountsList").getProperties().get("balances"));
        Schema<?> link = new Schema<>().anyOf(List.of(new Schema<>().type("object")
                .addProperty("href", new Schema<>().type("string"))
                .required(List.of("href")), nullOnly()));
        components.get("TransactionsList")
                .addProperty("total", new Schema<>().type("integer"))
                .addProperty("_links", new Schema<>().type("object")
                        .addProperty("self", link)
                        .addProperty("prev", link)
                        .addProperty("next", link));
    }

    /**
     * TOOLING: {@code TransactionsList} is {@code allOf: [DateBoundedList, {transactions}]}, and the validator, which
     * refuses undefined properties, would check each part alone and refuse the other part's properties. The parts are
     * merged into one object schema, same properties, same required ones.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void transactionListInOnePiece(OpenAPI api) {
        Map<String, Schema> components = api.getComponents().getSchemas();
        Schema list = components.get("TransactionsList");
        List<String> required = new ArrayList<>();
        for (Object part : list.getAllOf()) {
            Schema<?> schema = (Schema<?>) part;
            Schema<?> resolved = schema.get$ref() == null
                    ? schema
                    : components.get(schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1));
            resolved.getProperties().forEach(list::addProperty);
            required.addAll(Objects.requireNonNullElse(resolved.getRequired(), List.of()));
        }
        list.setAllOf(null);
        list.setType("object");
        list.setRequired(required);
    }

    /**
     * GAP: routes Powens documents ({@code powens.md} §2.1, §3.4) and the client uses, absent from the description:
     * the transactions of one connection or one account (the {@code /users/me/transactions} listing, narrowed), the
     * accounts of one connection (the {@code /users/me/accounts} listing, narrowed), and {@code PUT} on a connection
     * (a forced sync answering the connection, as {@code POST} does).
     */
    private static void sandboxRoutesMissingFromTheDescription(OpenAPI api) {
        PathItem transactions = api.getPaths().get("/users/me/transactions");
        PathItem accounts = api.getPaths().get("/users/me/accounts");
        api.getPaths().addPathItem("/users/me/connections/{connectionId}/transactions",
                narrowed(transactions, "connectionId"));
        api.getPaths().addPathItem("/users/me/accounts/{accountId}/transactions", narrowed(transactions,
                "accountId"));
        api.getPaths().addPathItem("/users/me/connections/{connectionId}/accounts", narrowed(accounts,
                "connectionId"));
        categories(api);
        PathItem connection = api.getPaths().get("/users/me/connections/{connectionId}");
        Operation post = connection.getPost();
        connection.setPut(new Operation().operationId("syncUserConnection")
                .parameters(post.getParameters())
                .responses(post.getResponses())
                .security(post.getSecurity()));
    }

    /**
     * GAP: the category list, {@code GET /categories} (alias {@code /users/me/categories}), is in Powens'
     * documentation ("Categories (obsolete)": {@code {categories: [Category]}}, each with {@code id},
     * {@code id_parent_category}, {@code name}, {@code color}, {@code income}, {@code refundable},
     * {@code id_logo}) but not in the description.
     */
    private static void categories(OpenAPI api) {
        Schema<?> category = new Schema<>().type("object")
                .addProperty("id", new Schema<>().type("integer"))
                .addProperty("id_parent_category", new Schema<>().type("integer"))
                .addProperty("name", new Schema<>().type("string"))
                .addProperty("color", new Schema<>().type("string"))
                .addProperty("income", new Schema<>().type("boolean").nullable(true))
                .addProperty("refundable", new Schema<>().type("boolean"))
                .addProperty("id_logo", new Schema<>().type("integer").nullable(true))
                .required(List.of("id", "id_parent_category", "name", "color", "income", "refundable"));
        category.setAdditionalProperties(false);
        Schema<?> list = new Schema<>().type("object")
                .addProperty("categories", new Schema<>().type("array").items(category))
                .required(List.of("categories"));
        list.setAdditionalProperties(false);
        PathItem categories = new PathItem().get(new Operation().operationId("listCategories")
                .responses(new ApiResponses().addApiResponse("200",
                        new ApiResponse().description("The categories").content(new Content()
                                .addMediaType("application/json", new MediaType().schema(list))))));
        api.getPaths().addPathItem("/categories", categories);
        api.getPaths().addPathItem("/users/me/categories", categories);
    }

    private static PathItem narrowed(PathItem listing, String idParameter) {
        List<Parameter> parameters = new ArrayList<>(Objects.requireNonNullElse(listing.getParameters(), List.of()));
        parameters.add(new Parameter().in("path").name(idParameter).required(true)
                .schema(new Schema<>().$ref("#/components/schemas/Id")));
        return new PathItem().parameters(parameters).get(listing.getGet());
    }

    /**
     * GAP: most operations declare their 200 answer only, yet every Powens error is a {@code ServiceError} ("Common
     * response format for API errors", core.yml). Each operation without a {@code default} answer gets that one, so
     * that its 4xx and 5xx bodies are validated too.
     */
    private static void errorsAreServiceErrors(OpenAPI api) {
        Schema<?> serviceError = new Schema<>().$ref("#/components/schemas/ServiceError");
        api.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            // the validator does not follow a $ref to a shared response (core.yml's NoAccountError)
            operation.getResponses().replaceAll((status, response) -> response.get$ref() == null
                    ? response
                    : api.getComponents().getResponses().get(response.get$ref().substring(response.get$ref()
                            .lastIndexOf('/') + 1)));
            if (operation.getResponses().getDefault() == null) {
                operation.getResponses().setDefault(new ApiResponse().description("A Powens error")
                        .content(new Content().addMediaType("application/json", new MediaType().schema(
                                serviceError))));
            }
        }));
    }
}
