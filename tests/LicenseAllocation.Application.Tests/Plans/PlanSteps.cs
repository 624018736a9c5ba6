using LicenseAllocation.Application.Appendix;
using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Decisions;
using LicenseAllocation.Application.Plans;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Plans;

/// <summary>The steps of a plan's life cycle as a test takes them, each asserted to succeed.</summary>
internal static class PlanSteps
{
    public static readonly DateOnly LetterDate = new(2021, 1, 5);

    public const string Signer = "Phó Giám đốc Nguyễn Văn An";

    public static async Task<PlanSummary> PublishAsync(
        IDbContextFactory<AllocationDbContext> factory, int planId, string number = "12/STTTT-CNTT", TimeProvider? clock = null)
    {
        var outcome = await new PlanPublication(factory, clock ?? TimeProvider.System)
            .PublishAsync(SeededPlan.Admin, new PublishPlan(planId, number, LetterDate, Signer), TestContext.Current.CancellationToken);
        outcome.Error.ShouldBeNull();
        return outcome.Value!;
    }

    /// <summary>Publishes the decision of <paramref name="issuingUnitId"/> over its level, as <paramref name="caller"/> (the administrator by default).</summary>
    public static async Task<DecisionPublished> PublishDecisionAsync(
        IDbContextFactory<AllocationDbContext> factory, int planId, int issuingUnitId, Caller? caller = null, string number = "15/QĐ-UBND", TimeProvider? clock = null)
    {
        var outcome = await Publication(factory, clock)
            .PublishAsync(caller ?? SeededPlan.Admin, new PublishDecision(planId, issuingUnitId, number, LetterDate.AddDays(20), "Chủ tịch Trần Văn Bình"), TestContext.Current.CancellationToken);
        outcome.Error.ShouldBeNull();
        return outcome.Value!;
    }

    public static DecisionPublication Publication(IDbContextFactory<AllocationDbContext> factory, TimeProvider? clock = null) =>
        new(factory, new PlanPublication(factory, clock ?? TimeProvider.System), clock ?? TimeProvider.System);

    public static async Task<PlanSummary> AmendAsync(IDbContextFactory<AllocationDbContext> factory, int planId, TimeProvider? clock = null)
    {
        var outcome = await new PlanVersions(factory, clock ?? TimeProvider.System).CreateAmendmentAsync(SeededPlan.Admin, planId, TestContext.Current.CancellationToken);
        outcome.Error.ShouldBeNull();
        return outcome.Value!;
    }

    public static async Task<byte[]> AppendixAsync(IDbContextFactory<AllocationDbContext> factory, int planId)
    {
        var outcome = await new AppendixExport(factory).GetWorkbookAsync(SeededPlan.Admin, planId, TestContext.Current.CancellationToken);
        outcome.Error.ShouldBeNull();
        return outcome.Value!.Content;
    }

    /// <summary>Everything a write to a plan could touch: its nodes, every unit and the whole audit trail.</summary>
    public static async Task<string> SnapshotAsync(IDbContextFactory<AllocationDbContext> factory, int planId)
    {
        await using var db = await factory.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var nodes = await db.Nodes.Where(n => n.PlanId == planId).OrderBy(n => n.UnitId)
            .Select(n => $"{n.UnitId}:{n.Quantity}/{n.HandedOn}/v{n.Version}").ToListAsync(TestContext.Current.CancellationToken);
        var units = await db.Units.OrderBy(u => u.Id)
            .Select(u => $"{u.Id}:{u.Name}/{u.Order}/{u.IsActive}").ToListAsync(TestContext.Current.CancellationToken);
        var audit = await db.AuditEntries.CountAsync(TestContext.Current.CancellationToken);
        var plan = await db.Plans.Where(p => p.Id == planId).Select(p => $"{p.Status}/{p.Document!.Number}/{p.ProductName}").SingleAsync(TestContext.Current.CancellationToken);
        return string.Join('\n', [plan, $"audit rows: {audit}", .. nodes, .. units]);
    }
}
