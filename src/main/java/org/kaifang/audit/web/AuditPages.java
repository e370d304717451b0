package org.kaifang.audit.web;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.kaifang.audit.AuditTrail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/audit}: the audit trail for administrators, newest first and paged, optionally about one subject, with
 * the result of verifying the whole chain at the top. Read-only: nothing on the page changes the trail.
 */
@Controller
class AuditPages {

    static final String PATH = "/admin/audit";

    private final AuditTrail trail;

    AuditPages(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping(PATH)
    String trail(
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @Nullable String page,
            Model model) {
        var chosen = subject == null || subject.isBlank() ? null : subject.strip();
        if (chosen != null && chosen.length() > 200) {
            chosen = chosen.substring(0, 200);
        }
        var number = 0;
        try {
            number = page == null ? 0 : Math.max(0, Math.min(Integer.parseInt(page.strip()), 1_000_000));
        } catch (NumberFormatException e) {
            number = 0;
        }
        // Records are chained a moment after their change commits: wait that moment, so that an administrator sees
        // their own last action (signing in, say) in the list rather than only in the pending count.
        trail.awaitChained(Duration.ofSeconds(1));
        var verification = trail.verify();
        var total = trail.count(chosen);
        var records = trail.recent(chosen, number);
        model.addAttribute("view", new AuditView(chosen == null ? "" : chosen, number, total, records, verification));
        return "audit/trail";
    }
}
