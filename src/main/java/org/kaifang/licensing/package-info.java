/**
 * Licences and pilot approvals: issuance from approved applications, numbering, amendments, renewals, expiry and
 * lapse, revocation (撤销), withdrawal (吊销) and cancellation (注销), annual reports (年报) and the telecom credit lists
 * (不良名单, 失信名单) under Order 42 (电信业务经营许可管理办法) arts. 27–38.
 *
 * <p>Every change to a licence is published as a {@link org.kaifang.licensing.LicenceChanged} carrying the whole public
 * view of the licence after the change; every change to a credit list as a
 * {@link org.kaifang.licensing.CreditListChanged}. The register and statistics modules build their read models from
 * these events alone.
 */
@NullMarked
@ApplicationModule(displayName = "Licensing")
package org.kaifang.licensing;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
