package com.firesync.sandbox;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Powens' official OpenAPI 3.0.1 description (powens-sdks {@code lib/specs}), read at test time from
 * {@code ../shared/reference/powens-openapi} beside the clone (or the folder named by the system property
 * {@value #FOLDER_PROPERTY}), with the corrections of {@link PowensSpecExemptions} applied, and a validator that
 * checks real HTTP answers of the sandbox against the response schema of their operation.
 */
final class PowensSpec {

    /** The folder holding {@code powens-api.yml} and the files it refers to. */
    static final String FOLDER_PROPERTY = "firesync.powens.openapi";

    /** The sandbox serves Powens' {@code /2.0} under this path. */
    static final String BASE_PATH = "/sandbox/2.0";

    private static final Path DEFAULT_FOLDER = Path.of("..", "..", "shared", "reference", "powens-openapi");

    private static final String ENTRY = "powens-api.yml";

    private static volatile PowensSpec loaded;

    private final OpenAPI api;

    private final OpenApiInteractionValidator validator;

    private final SchemaValidator schemas;

    private PowensSpec(OpenAPI api) {
        this.api = api;
        this.validator = OpenApiInteractionValidator.createFor(api)
                .withBasePathOverride(BASE_PATH)
                .withWhitelist(PowensSpecExemptions.whitelist())
                .build();
        this.schemas = new SchemaValidator(api, new MessageResolver());
    }

    /** The description, parsed once per test JVM. */
    static PowensSpec get() {
        PowensSpec spec = loaded;
        if (spec == null) {
            synchronized (PowensSpec.class) {
                if (loaded == null) {
                    loaded = new PowensSpec(parse(folder()));
                }
                spec = loaded;
            }
        }
        return spec;
    }

    static Path folder() {
        String configured = System.getProperty(FOLDER_PROPERTY);
        Path folder = (configured == null || configured.isBlank() ? DEFAULT_FOLDER : Path.of(configured))
                .toAbsolutePath()
                .normalize();
        if (!Files.isRegularFile(folder.resolve(ENTRY))) {
            throw new IllegalStateException("Powens' OpenAPI description is not at " + folder.resolve(ENTRY)
                    + ": put the shared folder beside the clone (../shared/reference/powens-openapi; tests run in firesync-app) or pass -D"
                    + FOLDER_PROPERTY + "=<folder holding " + ENTRY + ">");
        }
        return folder;
    }

    private static OpenAPI parse(Path folder) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        var result = new OpenAPIV3Parser().readLocation(folder.resolve(ENTRY).toUri().toString(), null, options);
        if (result.getOpenAPI() == null) {
            throw new IllegalStateException("Cannot parse " + folder.resolve(ENTRY) + ": " + result.getMessages());
        }
        return PowensSpecExemptions.amend(result.getOpenAPI());
    }

    /**
     * What the validator finds wrong with an answer: its status and body against the operation of {@code method}
     * and {@code path} (a sandbox path, {@code /sandbox/2.0/...}, query included). A route the description does not
     * know answers, as every Powens error does, a {@code ServiceError}.
     */
    List<String> violations(String method, String path, HttpResponse<String> response) {
        return violations(method, path, response.statusCode(), response.headers().firstValue("Content-Type")
                .orElse(""), response.body());
    }

    /** The same for an answer given by its parts. */
    List<String> violations(String method, String path, int status, String contentType, String body) {
        var answer = SimpleResponse.Builder.status(status);
        if (!contentType.isEmpty()) {
            answer.withContentType(contentType);
        }
        if (!body.isEmpty()) {
            answer.withBody(body);
        }
        String route = Objects.requireNonNull(URI.create(path).getRawPath());
        ValidationReport report = validator.validateResponse(route,
                Request.Method.valueOf(method.toUpperCase(Locale.ROOT)), answer.build());
        if (unknownRoute(report)) {
            return schemaViolations("ServiceError", body);
        }
        return errors(report);
    }

    /** What the validator finds wrong with {@code json} as an instance of the named component schema. */
    List<String> schemaViolations(String schema, String json) {
        Schema<?> component = Objects.requireNonNull(api.getComponents().getSchemas().get(schema), schema);
        return errors(schemas.validate(json, component, "schema"));
    }

    private static boolean unknownRoute(ValidationReport report) {
        return report.getMessages().stream().anyMatch(message -> message.getKey()
                .equals("validation.request.path.missing")
                || message.getKey().equals("validation.request.operation.notAllowed"));
    }

    private static List<String> errors(ValidationReport report) {
        return report.getMessages()
                .stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .map(message -> message.getKey() + ": " + message.getMessage()
                        + (message.getNestedMessages().isEmpty()
                                ? ""
                                : " " + message.getNestedMessages().stream()
                                        .map(ValidationReport.Message::getMessage).toList()))
                .toList();
    }
}
