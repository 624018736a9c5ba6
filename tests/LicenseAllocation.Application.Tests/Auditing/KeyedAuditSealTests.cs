using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Seeding;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Migrations.Sqlite;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Auditing;

/// <summary>
/// Keyed seals and checkpoints: someone who can write to the database but does not hold the seal key can make the
/// unkeyed chain hang together again, but not the keyed seals, and not a head recorded in the official files.
/// </summary>
public sealed class KeyedAuditSealTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_chain_re_sealed_without_the_key_is_detected_with_the_key_at_the_rewritten_row()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var victim = await RowAtAsync(database.Factory, 5);

        await AuditForgery.RewriteFromAsync(database.Factory, victim.Sequence, "Lý do đã bị sửa", Ct);

        (await new AuditChainVerifier(Factory(database, keys: null)).VerifyAsync(Ct)).Valid.ShouldBeTrue("the unkeyed chain hangs together again");
        var verdict = await new AuditChainVerifier(database.Factory).VerifyAsync(Ct);
        verdict.Valid.ShouldBeFalse();
        (verdict.Problem, verdict.FirstBrokenId, verdict.FirstBrokenSequence).ShouldBe((AuditChainProblem.SealInvalid, victim.Id, victim.Sequence));
        verdict.KeyedSealsChecked.ShouldBeTrue();
    }

    [Fact]
    public async Task Every_row_carries_the_id_of_the_key_that_sealed_it()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        await ChangeAsync(database.Factory, 60);

        await using var db = await database.Factory.CreateDbContextAsync(Ct);
        (await db.AuditEntries.Select(a => a.SealKeyId).Distinct().ToListAsync(Ct)).ShouldBe([TestSealKeys.Ring.Current.Id]);
        (await AuditChainCheck.ShouldBeIntactAsync(database.Factory, Ct)).KeyedSealsChecked.ShouldBeTrue();
    }

    [Fact]
    public async Task A_checkpoint_the_chain_lost_is_reported_and_one_it_still_holds_is_confirmed()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var recorded = await HeadAsync(database.Factory);
        await ChangeAsync(database.Factory, 60);
        var unkeyed = new AuditChainVerifier(Factory(database, keys: null));

        var held = await unkeyed.VerifyAsync(recorded, Ct);
        (held.Valid, held.CheckpointHeld).ShouldBe((true, true));

        await AuditForgery.RewriteFromAsync(database.Factory, 3, "Lý do đã bị sửa", Ct);
        var lost = await unkeyed.VerifyAsync(recorded, Ct);

        lost.Valid.ShouldBeFalse();
        (lost.Problem, lost.CheckpointHeld, lost.FirstBrokenSequence).ShouldBe((AuditChainProblem.CheckpointLost, false, recorded.Sequence));
        AuditVerdictText.Describe(lost, System.Globalization.CultureInfo.GetCultureInfo("vi-VN")).ShouldContain($"vị trí {recorded.Sequence}");
        (await unkeyed.VerifyAsync(new AuditCheckpoint(recorded.Sequence + 1_000, recorded.Hash), Ct)).Problem.ShouldBe(AuditChainProblem.CheckpointLost);
    }

    [Fact]
    public async Task After_a_rotation_rows_sealed_with_the_retired_key_still_verify_and_a_dropped_key_is_named()
    {
        await using var database = await SqliteTestDatabase.CreateAsync();
        var next = AuditSealKey.FromBase64(TestSealKeys.NextBase64);
        var rotated = Factory(database, new AuditSealKeyRing(next, [TestSealKeys.Ring.Current]));
        await ChangeAsync(rotated, 60);

        (await new AuditChainVerifier(rotated).VerifyAsync(Ct)).Valid.ShouldBeTrue();
        await using (var db = await rotated.CreateDbContextAsync(Ct))
        {
            (await db.AuditEntries.OrderByDescending(a => a.Sequence).Select(a => a.SealKeyId).FirstAsync(Ct)).ShouldBe(next.Id);
        }

        var dropped = await new AuditChainVerifier(Factory(database, new AuditSealKeyRing(next))).VerifyAsync(Ct);
        (dropped.Valid, dropped.Problem, dropped.FirstBrokenSequence).ShouldBe((false, AuditChainProblem.UnknownSealKey, 1L));
    }

    [Fact]
    public async Task Rows_written_before_the_trail_had_keys_are_keyed_once_and_a_later_unkeyed_row_is_reported()
    {
        await using var database = await SqliteTestDatabase.CreateAsync(seed: false);
        var unkeyed = Factory(database, keys: null);
        await new Plan2020Seeder(unkeyed, TimeProvider.System).SeedAsync(Ct);
        var sealing = new LegacyAuditSealing(database.Factory);

        (await sealing.SealWithKeyAsync(Ct)).ShouldBe(SeedFacts.AppendixRows + 1);
        (await sealing.SealWithKeyAsync(Ct)).ShouldBe(0);
        await AuditChainCheck.ShouldBeIntactAsync(database.Factory, Ct);

        await ChangeAsync(unkeyed, 60);
        (await sealing.SealWithKeyAsync(Ct)).ShouldBe(0, "once any row is keyed, an unkeyed row is never blessed afterwards");
        var verdict = await new AuditChainVerifier(database.Factory).VerifyAsync(Ct);
        (verdict.Valid, verdict.Problem, verdict.FirstBrokenSequence).ShouldBe((false, AuditChainProblem.SealInvalid, SeedFacts.AppendixRows + 2L));
    }

    [Theory]
    [InlineData("12:abc")]
    [InlineData("x:0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0:0000000000000000000000000000000000000000000000000000000000000000")]
    [InlineData("0000000000000000000000000000000000000000000000000000000000000000")]
    public void A_checkpoint_is_a_place_and_a_full_hash(string text) => AuditCheckpoint.TryParse(text, out _).ShouldBeFalse();

    private static IDbContextFactory<AllocationDbContext> Factory(SqliteTestDatabase database, AuditSealKeyRing? keys)
    {
        var builder = new DbContextOptionsBuilder<AllocationDbContext>();
        SqliteDatabase.Configure(builder, database.ConnectionString);
        if (keys is not null)
        {
            builder.UseAuditSealKeys(keys);
        }

        return new TestContextFactory(builder.Options);
    }

    private static async Task ChangeAsync(IDbContextFactory<AllocationDbContext> factory, int quantity)
    {
        var planId = await SeededPlan.PlanIdAsync(factory);
        var office = await SeededPlan.UnitIdAsync(factory, "VP. UBND tỉnh");
        (await new QuantityService(factory, TimeProvider.System).ChangeAsync(SeededPlan.Admin, new ChangeQuantity(planId, office, quantity, "Điều chỉnh"), Ct))
            .Succeeded.ShouldBeTrue();
    }

    private static async Task<AuditCheckpoint> HeadAsync(IDbContextFactory<AllocationDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        var head = await db.AuditChainHeads.SingleAsync(Ct);
        return new AuditCheckpoint(head.Sequence, head.LastHash);
    }

    private static async Task<AuditEntry> RowAtAsync(IDbContextFactory<AllocationDbContext> factory, long sequence)
    {
        await using var db = await factory.CreateDbContextAsync(Ct);
        return await db.AuditEntries.AsNoTracking().SingleAsync(a => a.Sequence == sequence, Ct);
    }
}
