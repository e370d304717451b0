package org.kaifang.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Determination requests for engine tests, built as the records the engine judges. Unless a test says otherwise the
 * applicant is seated in Suzhou's Wuzhong district (320506), outside every special area, states no registered capital
 * and is on no credit list; the date is 2025-03-01.
 *
 * <p>Zones are taken as given: a test that declares {@code CN-SH-LINGANG} also declares the {@code CN-FTZ} it implies,
 * as {@link RequestReader} would.
 */
final class Requests {

    /** A seat outside every special area: Wuzhong District, Suzhou, Jiangsu. */
    static final String OUTSIDE_SPECIAL_AREAS = "320506";

    private LocalDate asOf = LocalDate.of(2025, 3, 1);
    private String seat = OUTSIDE_SPECIAL_AREAS;
    private List<String> zones = List.of();
    private BigDecimal foreignEquity = BigDecimal.ZERO;
    private @Nullable BigDecimal capital;
    private final Set<CreditStatus> credit = EnumSet.noneOf(CreditStatus.class);
    private final List<Service> services = new ArrayList<>();

    private Requests() {}

    static Requests on(String date) {
        var requests = new Requests();
        requests.asOf = LocalDate.parse(date);
        return requests;
    }

    Requests seat(String division, String... declaredZones) {
        this.seat = division;
        this.zones = List.of(declaredZones);
        return this;
    }

    Requests foreignEquity(String percent) {
        this.foreignEquity = new BigDecimal(percent);
        return this;
    }

    Requests registeredCapital(long yuan) {
        this.capital = BigDecimal.valueOf(yuan);
        return this;
    }

    Requests on(CreditStatus list) {
        credit.add(list);
        return this;
    }

    Requests service(Service service) {
        services.add(service);
        return this;
    }

    DeterminationRequest build() {
        var applicant = new Applicant("Example Co., Ltd.", null, seat, zones, capital, credit);
        return new DeterminationRequest(
                asOf,
                applicant,
                foreignEquity,
                services.stream().map(Service::build).toList());
    }

    /** A service by its key, {@code B11/IRCS} or {@code B22}; nationwide unless given a coverage. */
    static Service service(String key) {
        return new Service(key);
    }

    static final class Service {

        private final String code;
        private final @Nullable String item;
        private List<String> coverage = List.of(RequestedService.NATIONWIDE);
        private List<String> facilities = List.of();
        private final Set<ContentType> content = EnumSet.noneOf(ContentType.class);

        private Service(String key) {
            var slash = key.indexOf('/');
            this.code = slash < 0 ? key : key.substring(0, slash);
            this.item = slash < 0 ? null : key.substring(slash + 1);
        }

        /** Province-level codes the service covers. */
        Service coverage(String... provinces) {
            this.coverage = List.of(provinces);
            return this;
        }

        Service facilities(String... divisions) {
            this.facilities = List.of(divisions);
            return this;
        }

        Service content(ContentType... types) {
            this.content.addAll(List.of(types));
            return this;
        }

        RequestedService build() {
            return new RequestedService(code, item, coverage, facilities, content);
        }
    }
}
