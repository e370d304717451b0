package org.kaifang.register.web;

import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.kaifang.licensing.LicenceStatus;
import org.kaifang.licensing.LicenceView;
import org.kaifang.licensing.LicensedService;
import org.kaifang.web.Page;

/** How the register's pages write licences' values, in the page's language. */
public final class Labels {

    /** Shown beside every synthetic row, in both languages whatever the page's language. */
    public static final String SYNTHETIC = "合成演示数据 / synthetic demo data";

    private Labels() {}

    public static String status(LicenceStatus status, Page page) {
        return page.zh() ? status.zh() : status.en();
    }

    /** The holder in the page's language, the other name after it where there is one. */
    public static String holder(LicenceView licence, Page page) {
        if (licence.holderEn() == null) {
            return licence.holder();
        }
        return page.zh() ? licence.holder() : licence.holderEn();
    }

    public static String number(LicenceView licence, Page page) {
        return licence.number() == null ? page.t("register.noNumber") : licence.number();
    }

    /** The services' keys, e.g. {@code B11/IRCS, B25/ICP}. */
    public static String services(LicenceView licence) {
        return licence.services().stream().map(LicensedService::key).collect(Collectors.joining(", "));
    }

    public static String coverage(LicensedService service, Page page) {
        return service.coverage().stream()
                .map(c -> "CN".equals(c) ? page.t("register.nationwide") : c)
                .collect(Collectors.joining(", "));
    }

    /** A facet value as shown: statuses and yes/no in words, codes as they are. */
    public static String facetValue(String facet, String value, Page page) {
        return switch (facet) {
            case "status" -> status(LicenceStatus.valueOf(value), page);
            case "foreignInvested", "pilot" -> page.t("register.bool." + value);
            case "area" -> "CN".equals(value) ? page.t("register.nationwide") : value;
            default -> value;
        };
    }

    public static String text(@Nullable Object value) {
        return value == null ? "—" : value.toString();
    }
}
