package org.kaifang.notifications;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.kaifang.accounts.Accounts;
import org.kaifang.accounts.OrganisationId;
import org.kaifang.accounts.UserAccount;
import org.kaifang.applications.ApplicationChanged;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailSender;
import org.springframework.stereotype.Component;

/**
 * Turns each {@link ApplicationChanged} into inbox messages and, when mail is configured and the recipient gave an
 * address, outbox e-mail. It listens synchronously, inside the transaction that stored the transition: the rows are
 * committed with the transition or rolled back with it. It sends nothing itself, so a mail server that is down never
 * holds up or undoes a transition; {@link OutboxSender} does the sending.
 */
@Component
class ApplicationNotifier {

    private final Accounts accounts;
    private final Messages messages;
    private final Outbox outbox;
    private final MailAddresses addresses;
    private final ObjectProvider<MailSender> mail;
    private final NotificationSettings settings;
    private final Clock clock;

    ApplicationNotifier(
            Accounts accounts,
            Messages messages,
            Outbox outbox,
            MailAddresses addresses,
            ObjectProvider<MailSender> mail,
            NotificationSettings settings,
            Clock clock) {
        this.accounts = accounts;
        this.messages = messages;
        this.outbox = outbox;
        this.addresses = addresses;
        this.mail = mail;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    void on(ApplicationChanged event) {
        // Most changes (a draft created or revised, a review started) tell nobody: find that out before looking up
        // the applicant's name, which only the text of a notice needs.
        if (NotificationRules.notice(event, new Bilingual("-", "-")).isEmpty()) {
            return;
        }
        var notice = NotificationRules.notice(event, applicantName(event.applicant()));
        var mailing = mail.getIfAvailable() != null;
        var now = clock.instant();
        for (var recipient : recipients(notice.get().audience(), event.user())) {
            var message = new InboxMessage(
                    UUID.randomUUID(),
                    recipient.id().value(),
                    notice.get().topic(),
                    notice.get().link(),
                    notice.get().subject(),
                    notice.get().body(),
                    now,
                    null);
            messages.add(message, event.application().value());
            if (mailing) {
                var address = addresses.of(recipient.id().value());
                if (address.isPresent()) {
                    outbox.add(
                            UUID.randomUUID(),
                            message.id(),
                            address.get(),
                            subject(message),
                            body(message, recipient),
                            now);
                }
            }
        }
    }

    /** Everyone in {@code audience} who may sign in, except the user who acted. */
    List<UserAccount> recipients(Audience audience, String actingUser) {
        var found = new LinkedHashMap<UUID, UserAccount>();
        switch (audience) {
            case Audience.ApplicantOrganisation(var organisation) -> {
                // An applicant that is not an organisation of the accounts module (an id from another source) has
                // no users to tell: nobody is told, and the transition goes on.
                if (isOrganisationId(organisation)) {
                    for (var user : accounts.members(organisationId(organisation))) {
                        found.put(user.id().value(), user);
                    }
                }
            }
            case Audience.RegulatorStaff(var role) -> {
                // One query for the staff with the role, not every organisation and each regulator's members.
                for (var user : accounts.regulatorStaff(role)) {
                    found.put(user.id().value(), user);
                }
            }
        }
        return found.values().stream()
                .filter(UserAccount::enabled)
                .filter(u -> !u.id().value().toString().equals(actingUser))
                .toList();
    }

    private Bilingual applicantName(String organisation) {
        try {
            return accounts.organisation(organisationId(organisation))
                    .map(o -> new Bilingual(o.nameIn("zh"), o.nameIn("en")))
                    .orElse(new Bilingual(organisation, organisation));
        } catch (IllegalArgumentException e) {
            return new Bilingual(organisation, organisation);
        }
    }

    private static boolean isOrganisationId(String text) {
        try {
            UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static OrganisationId organisationId(String text) {
        return new OrganisationId(UUID.fromString(text));
    }

    static String subject(InboxMessage message) {
        return message.subject().zh() + " / " + message.subject().en();
    }

    private String body(InboxMessage message, UserAccount recipient) {
        var link = settings.baseUrl().replaceAll("/+$", "") + message.link();
        return recipient.displayName() + "：\n\n" + message.body().zh() + "\n" + link + "\n\n— Kaifang 开放\n\n"
                + "----\n\n" + message.body().en() + "\n" + link + "\n";
    }
}
