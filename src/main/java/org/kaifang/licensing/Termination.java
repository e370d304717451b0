package org.kaifang.licensing;

import java.time.LocalDate;

/**
 * Why a licence stopped being in force: every revocation, withdrawal and cancellation records a reason, a legal basis
 * and a date, and all three are public. Expiry and lapse record theirs too.
 *
 * @param status the status the licence took
 * @param legalBasis the provision relied on, e.g. {@code 电信业务经营许可管理办法 第二十七条}
 */
public record Termination(LicenceStatus status, String reason, String legalBasis, LocalDate on) {}
