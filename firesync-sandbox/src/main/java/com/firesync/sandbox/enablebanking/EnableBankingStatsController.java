package com.firesync.sandbox.enablebanking;

import com.firesync.sandbox.ConditionalOnSandbox;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /sandbox/enablebanking/stats} (no JWT, like {@code /sandbox/stats}): per account uid, UTC day and kind,
 * the calls counted against the unattended limit, those made with a present user, and the refusals, so that a test
 * can check that a client stays within the limit.
 */
@RestController
@ConditionalOnSandbox
class EnableBankingStatsController {

    static final String PATH = EnableBankingApiController.ROOT + "/stats";

    private final EnableBankingFace face;

    EnableBankingStatsController(EnableBankingFace face) {
        this.face = face;
    }

    @GetMapping(PATH)
    Map<String, Object> stats() {
        List<Map<String, Object>> calls = face.unattended().usage().stream().map(usage -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("account", usage.account());
            line.put("day", usage.day().toString());
            line.put("kind", usage.kind().name().toLowerCase(Locale.ROOT));
            line.put("unattended", usage.unattended());
            line.put("present", usage.present());
            line.put("refused", usage.refused());
            return line;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unattended_limit", face.unattended().limit());
        body.put("refusals", face.unattended().refusals());
        body.put("calls", calls);
        return body;
    }
}
