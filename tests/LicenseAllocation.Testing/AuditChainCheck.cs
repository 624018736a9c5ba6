using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Data;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Testing;

/// <summary>Asserts that the stored audit trail is one unbroken hash chain ending at the recorded head.</summary>
public static class AuditChainCheck
{
    public static async Task<AuditChainVerdict> ShouldBeIntactAsync(IDbContextFactory<AllocationDbContext> factory, CancellationToken cancellationToken)
    {
        var verdict = await new AuditChainVerifier(factory).VerifyAsync(cancellationToken);
        verdict.Valid.ShouldBeTrue($"the audit chain breaks at row {verdict.FirstBrokenId} (place {verdict.FirstBrokenSequence}): {verdict.Problem}");
        return verdict;
    }
}
