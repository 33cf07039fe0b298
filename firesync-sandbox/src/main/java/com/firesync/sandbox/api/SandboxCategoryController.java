package com.firesync.sandbox.api;

import com.firesync.sandbox.ConditionalOnSandbox;
import com.firesync.sandbox.json.CategoryJson;
import com.firesync.sandbox.json.PowensJson;
import com.firesync.sandbox.world.Category;
import com.firesync.sandbox.world.SandboxUser;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The transaction categories the Demo Bank's {@code id_category} refers to, as Powens' {@code GET /categories}
 * answers ({@code {categories: [...]}}; the route is absent from the OpenAPI description but in Powens' documentation,
 * with the alias {@code /users/me/categories}).
 */
@RestController
@RequestMapping("/sandbox/2.0")
@ConditionalOnSandbox
class SandboxCategoryController {

    @GetMapping({"/categories", "/users/me/categories"})
    Map<String, List<CategoryJson>> categories(SandboxUser user) {
        return Map.of("categories", Arrays.stream(Category.values()).map(PowensJson::category).toList());
    }
}
