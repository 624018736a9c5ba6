using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Allocations.Batches;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Units;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Auditing;

/// <summary>
/// The audit trail as a hash chain on a real database (see the derived classes): every write path extends it, and any
/// row edited, removed or re-hashed behind the portal's back is reported as the first broken row.
/// </summary>
public abstract class AuditChainTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> Fields => ["Reason", "NewValue", "OldValue", "Actor", "AtUtc", "UnitId", "Action", "ChangeSetId", "DocumentRef", "Sequence"];

    protected abstract Task<ProviderDatabase> CreateSeededDatabaseAsync();

    [Fact]
    public async Task Every_write_path_extends_one_unbroken_chain()
    {
        await using var database = await CreateSeededDatabaseAsync();
        await MakeChangesAsync(database.Factory);

        var verdict = await AuditChainCheck.ShouldBeIntactAsync(database.Factory, Ct);

        await using var db = await database.Factory.CreateDbContextAsync(Ct);
        var rows = await db.AuditEntries.OrderBy(a => a.Sequence).ToListAsync(Ct);
        verdict.Checked.ShouldBe(rows.Count);
        rows.Select(r => r.Sequence).ShouldBe(Enumerable.Range(1, rows.Count).Select(i => (long)i));
        rows.Select(r => r.Action).ShouldContain(AuditAction.UnitCreated);
        rows.Count(r => r.Action == AuditAction.QuantityChanged).ShouldBe(3);
        verdict.HeadHash.ShouldBe(rows[^1].Hash);
    }

    [Theory]
    [MemberData(nameof(Fields))]
    public async Task Editing_any_field_of_a_row_is_detected_at_that_row(string field)
    {
        await using var database = await CreateSeededDatabaseAsync();
        await MakeChangesAsync(database.Factory);
        var victim = await RowAsync(database.Factory, AuditAction.QuantityChanged);

        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            var row = db.AuditEntries.Where(a => a.Id == victim.Id);
            var changed = field switch
            {
                "Reason" => await row.ExecuteUpdateAsync(s => s.SetProperty(a => a.Reason, "Lý do đã bị sửa"), Ct),
                "NewValue" => await row.ExecuteUpdateAsync(s => s.SetProperty(a => a.NewValue, a => a.NewValue + 1), Ct),
                "OldValue" => await row.ExecuteUpdateAsync(s => s.SetProperty(a => a.OldValue, a => a.OldValue - 1), Ct),
                "Actor" => await row.ExecuteUpdateAsync(s => s.SetProperty(a => a.Actor, "someone.else"), Ct),
                "AtUtc" => await row.ExecuteUpdateAsync(s => s.SetProperty(a => a.AtUtc, victim.AtUtc.AddDays(-1)), Ct),
                "UnitId" => await row.ExecuteUpdateAsync(s => s.SetProperty(a => a.UnitId, victim.UnitId + 1), Ct),
                "Action" => await row.ExecuteUpdateAsync(s => s.SetProperty(a => a.Action, AuditAction.Seeded), Ct),
                "ChangeSetId" => await row.ExecuteUpdateAsync(s => s.SetProperty(a => a.ChangeSetId, Guid.NewGuid()), Ct),
                "DocumentRef" => await row.ExecuteUpdateAsync(s => s.SetProperty(a => a.DocumentRef, "Số 999/STTTT"), Ct),
                "Sequence" => await row.ExecuteUpdateAsync(s => s.SetProperty(a => a.Sequence, a => a.Sequence + 100_000), Ct),
                _ => throw new ArgumentOutOfRangeException(nameof(field)),
            };
            changed.ShouldBe(1);
        }

        var verdict = await new AuditChainVerifier(database.Factory).VerifyAsync(Ct);

        verdict.Valid.ShouldBeFalse();
        if (field == "Sequence")
        {
            // The row moved out of its place: the chain breaks where it is missing, at the row that followed it.
            verdict.Problem.ShouldBe(AuditChainProblem.ChainBroken);
            verdict.FirstBrokenSequence.ShouldBe(victim.Sequence);
        }
        else
        {
            verdict.Problem.ShouldBe(AuditChainProblem.ContentChanged);
            verdict.FirstBrokenId.ShouldBe(victim.Id);
        }
    }

    [Fact]
    public async Task Deleting_a_row_is_detected_at_the_row_that_followed_it()
    {
        await using var database = await CreateSeededDatabaseAsync();
        await MakeChangesAsync(database.Factory);
        var victim = await RowAsync(database.Factory, AuditAction.QuantityChanged);
        var next = await RowAtAsync(database.Factory, victim.Sequence + 1);

        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            (await db.AuditEntries.Where(a => a.Id == victim.Id).ExecuteDeleteAsync(Ct)).ShouldBe(1);
        }

        var verdict = await new AuditChainVerifier(database.Factory).VerifyAsync(Ct);

        verdict.Valid.ShouldBeFalse();
        verdict.Problem.ShouldBe(AuditChainProblem.ChainBroken);
        verdict.FirstBrokenId.ShouldBe(next.Id);
    }

    [Fact]
    public async Task Deleting_the_last_rows_is_detected_against_the_chain_head()
    {
        await using var database = await CreateSeededDatabaseAsync();
        await MakeChangesAsync(database.Factory);

        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            var last = await db.AuditEntries.MaxAsync(a => a.Sequence, Ct);
            (await db.AuditEntries.Where(a => a.Sequence == last).ExecuteDeleteAsync(Ct)).ShouldBe(1);
        }

        var verdict = await new AuditChainVerifier(database.Factory).VerifyAsync(Ct);

        verdict.Valid.ShouldBeFalse();
        verdict.Problem.ShouldBe(AuditChainProblem.TailMissing);
        verdict.FirstBrokenId.ShouldBeNull();
    }

    [Fact]
    public async Task Rewriting_a_row_together_with_its_hash_is_detected_at_that_row()
    {
        await using var database = await CreateSeededDatabaseAsync();
        await MakeChangesAsync(database.Factory);
        var victim = await RowAsync(database.Factory, AuditAction.QuantityChanged);
        var next = await RowAtAsync(database.Factory, victim.Sequence + 1);

        // The forger changes the figure and recomputes the row's own hash, but cannot fix the rows after it without redoing the whole chain.
        var forged = AuditEntry.QuantityChange(victim.PlanId!.Value, victim.UnitId!.Value, victim.Actor, victim.AtUtc, victim.OldValue!.Value, victim.NewValue!.Value + 50, victim.Reason, victim.ChangeSetId);
        forged.Seal(victim.Sequence, victim.PreviousHash);
        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            await db.AuditEntries.Where(a => a.Id == victim.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.NewValue, forged.NewValue).SetProperty(a => a.Hash, forged.Hash), Ct);
        }

        var verdict = await new AuditChainVerifier(database.Factory).VerifyAsync(Ct);

        // With the seal key the row itself is caught: its keyed seal is no longer the key's seal of its new hash.
        verdict.Valid.ShouldBeFalse();
        verdict.Problem.ShouldBe(AuditChainProblem.SealInvalid);
        verdict.FirstBrokenId.ShouldBe(victim.Id);
        next.PreviousHash.ShouldNotBe(forged.Hash, "and the row after it no longer follows it");
    }

    [Fact]
    public async Task Rows_written_before_the_chain_existed_are_sealed_once_in_their_order()
    {
        await using var database = await CreateSeededDatabaseAsync();
        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            // What the migration that introduced the chain leaves behind on a database written before it.
            await db.AuditEntries.ExecuteUpdateAsync(s => s.SetProperty(a => a.Sequence, a => -a.Id).SetProperty(a => a.Hash, string.Empty).SetProperty(a => a.PreviousHash, string.Empty), Ct);
            await db.AuditChainHeads.ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, 0L).SetProperty(h => h.LastHash, string.Empty), Ct);
        }

        var sealedRows = await new LegacyAuditSealing(database.Factory).SealAsync(Ct);
        await MakeChangesAsync(database.Factory);

        sealedRows.ShouldBe(SeedFacts.AppendixRows + 1, "the province's total and the 23 rows of the appendix");
        (await new LegacyAuditSealing(database.Factory).SealAsync(Ct)).ShouldBe(0);
        await AuditChainCheck.ShouldBeIntactAsync(database.Factory, Ct);
    }

    /// <summary>A single edit, a bulk edit of two units and a new unit: each write path once.</summary>
    private static async Task MakeChangesAsync(IDbContextFactory<AllocationDbContext> factory)
    {
        var planId = await SeededPlan.PlanIdAsync(factory);
        var office = await SeededPlan.UnitIdAsync(factory, "VP. UBND tỉnh");
        var caoLanhCity = await SeededPlan.UnitIdByCodeAsync(factory, "866");
        var ward = await SeededPlan.UnitIdByCodeAsync(factory, "29863");
        var clock = TimeProvider.System;

        (await new QuantityService(factory, clock).ChangeAsync(SeededPlan.Admin, new ChangeQuantity(planId, office, 60, "Chuyển 5 bản quyền về dự phòng"), Ct))
            .Succeeded.ShouldBeTrue();
        (await new QuantityBatchService(factory, clock).ApplyAsync(
            SeededPlan.Admin, new QuantityBatch(planId, "Phân bổ cho Thành phố Cao Lãnh", [new(caoLanhCity, 200), new(ward, 20)]), Ct)).Applied.ShouldBeTrue();
        (await new UnitAdministration(factory, clock).AddUnitAsync(
            SeededPlan.Admin, planId, caoLanhCity, "Phòng Văn hóa và Thông tin", UnitKind.DistrictAgency, cancellationToken: Ct)).Succeeded.ShouldBeTrue();
    }

    private static async Task<AuditEntry> RowAsync(IDbContextFactory<AllocationDbContext> factory, AuditAction action)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.AuditEntries.AsNoTracking().Where(a => a.Action == action).OrderBy(a => a.Sequence).FirstAsync(Ct);
    }

    private static async Task<AuditEntry> RowAtAsync(IDbContextFactory<AllocationDbContext> factory, long sequence)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Sequence == sequence, Ct);
    }
}
