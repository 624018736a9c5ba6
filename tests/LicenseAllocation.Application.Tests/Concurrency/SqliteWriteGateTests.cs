using System.Data.Common;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Units;
using LicenseAllocation.Migrations.Sqlite;
using LicenseAllocation.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Concurrency;

/// <summary>
/// SQLite's writers take turns in the process (docs/decisions/0021-sqlite-writers-queue-in-the-process.md): a writer
/// waits for the one before it however long that takes, never in SQLite's busy loop, so a short busy timeout is never
/// reached and nothing is refused as "database is locked".
/// </summary>
public sealed class SqliteWriteGateTests
{
    /// <summary>The busy timeout of the contexts under test: shorter than the waits the tests create.</summary>
    private const int BusyTimeoutSeconds = 1;

    /// <summary>A write that changes nothing, to take the file's write lock.</summary>
    private const string TouchHead = "UPDATE \"AuditChainHead\" SET \"Sequence\" = \"Sequence\"";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_writer_that_waits_longer_than_the_busy_timeout_for_another_writer_goes_in_when_it_commits()
    {
        await using var bed = await GateBed.CreateAsync(seed: false);
        await using var held = await bed.HoldAsync();

        var second = Task.Run(
            async () =>
            {
                await using var db = await bed.Factory.CreateDbContextAsync(Cancellation);
                await using var transaction = await db.Database.BeginTransactionAsync(Cancellation);
                var began = DateTime.UtcNow;
                await db.Database.ExecuteSqlRawAsync(TouchHead, Cancellation);
                await transaction.CommitAsync(Cancellation);
                return began;
            },
            Cancellation);

        // Three busy timeouts: SQLite's busy loop would have refused the second writer twice over by now.
        await Task.Delay(TimeSpan.FromSeconds(3 * BusyTimeoutSeconds), Cancellation);
        second.IsCompleted.ShouldBeFalse("the second writer waits for the first one's transaction");
        var firstCommitted = DateTime.UtcNow;
        await held.CommitAsync(Cancellation);

        var secondBegan = await second.WaitAsync(TimeSpan.FromSeconds(30), Cancellation);
        secondBegan.ShouldBeGreaterThanOrEqualTo(firstCommitted);
        bed.Busy.Count.ShouldBe(0);
    }

    [Fact]
    public async Task A_write_outside_a_transaction_waits_its_turn_like_a_transaction()
    {
        await using var bed = await GateBed.CreateAsync(seed: false);
        await using var held = await bed.HoldAsync();

        // A single statement in autocommit (ExecuteUpdate, a one-row SaveChanges) is its own transaction on the file.
        var second = Task.Run(
            async () =>
            {
                await using var db = await bed.Factory.CreateDbContextAsync(Cancellation);
                return await db.AuditChainHeads.ExecuteUpdateAsync(s => s.SetProperty(h => h.Sequence, h => h.Sequence), Cancellation);
            },
            Cancellation);

        await Task.Delay(TimeSpan.FromSeconds(3 * BusyTimeoutSeconds), Cancellation);
        second.IsCompleted.ShouldBeFalse("the statement waits for the open transaction");
        await held.CommitAsync(Cancellation);

        (await second.WaitAsync(TimeSpan.FromSeconds(30), Cancellation)).ShouldBe(1);
        bed.Busy.Count.ShouldBe(0);
    }

    [Theory]
    [InlineData("UPDATE \"AllocationNodes\" SET \"Quantity\" = 1", true)]
    [InlineData("  insert into t values (1)", true)]
    [InlineData("-- a query's tag\n/* and a comment */\nDELETE FROM t", true)]
    [InlineData("REPLACE INTO t VALUES (1)", true)]
    [InlineData("SELECT \"Quantity\" FROM \"AllocationNodes\"", false)]
    [InlineData("-- UPDATE in a tag only\nSELECT 1", false)]
    [InlineData("UPDATED", false)]
    [InlineData("PRAGMA journal_mode=WAL;", false)]
    [InlineData("", false)]
    public void Only_statements_that_write_rows_take_a_turn(string sql, bool writes) => SqliteWriteGate.IsWrite(sql).ShouldBe(writes);

    [Fact]
    public async Task A_transaction_disposed_without_commit_gives_its_turn_to_the_next_writer()
    {
        await using var bed = await GateBed.CreateAsync(seed: false);

        await using (var db = await bed.Factory.CreateDbContextAsync(Cancellation))
        await using (await db.Database.BeginTransactionAsync(Cancellation))
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditChainHead\" SET \"Sequence\" = \"Sequence\" + 1", Cancellation);
            SqliteWriteGate.IsTaken(bed.File).ShouldBeTrue();
        }

        SqliteWriteGate.IsTaken(bed.File).ShouldBeFalse("a refusal returns without commit and must not keep the file");
        await using (var db = await bed.Factory.CreateDbContextAsync(Cancellation))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Cancellation).WaitAsync(TimeSpan.FromSeconds(5), Cancellation);
            (await db.AuditChainHeads.Select(h => h.Sequence).SingleAsync(Cancellation)).ShouldBe(0L, "the disposed transaction was rolled back");
        }

        bed.Busy.Count.ShouldBe(0);
    }

    [Fact]
    public async Task A_pooled_context_given_back_with_its_connection_open_gives_its_turn_to_the_next_writer()
    {
        await using var bed = await GateBed.CreateAsync(seed: false);
        var pooled = new SqliteConnectionStringBuilder(bed.ConnectionString) { Pooling = true }.ToString();
        var factory = new PooledDbContextFactory<AllocationDbContext>(
            (DbContextOptions<AllocationDbContext>)SqliteDatabase.Configure(new DbContextOptionsBuilder<AllocationDbContext>(), pooled).Options);

        // The portal's edit opens its connection once for its reads and its transaction; a refusal found in the
        // transaction returns without commit, and the pool closes the connection without EF's interceptors hearing of it.
        await using (var db = await factory.CreateDbContextAsync(Cancellation))
        {
            await db.Database.OpenConnectionAsync(Cancellation);
            await using (await db.Database.BeginTransactionAsync(Cancellation))
            {
                SqliteWriteGate.IsTaken(bed.File).ShouldBeTrue();
            }
        }

        SqliteWriteGate.IsTaken(bed.File).ShouldBeFalse("the connection closed when its context went back to the pool");
        await using (var db = await factory.CreateDbContextAsync(Cancellation))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Cancellation).WaitAsync(TimeSpan.FromSeconds(5), Cancellation);
            await db.Database.ExecuteSqlRawAsync(TouchHead, Cancellation);
            await transaction.CommitAsync(Cancellation);
        }

        bed.Busy.Count.ShouldBe(0);
    }

    [Fact]
    public async Task Thirty_two_officials_editing_one_sqlite_file_at_once_all_succeed_without_waiting_on_the_busy_lock()
    {
        await using var bed = await GateBed.CreateAsync(seed: true);
        var (factory, busy) = (bed.Factory, bed.Busy);
        var seed = await StoredPlan.LoadAsync(factory, Cancellation);
        var districts = seed.OfKind(UnitKind.DistrictCommittee);

        // At most 330 each and 12 x 330 = 3,960 fits the district group: every edit must be accepted.
        var edits = Enumerable.Range(0, 32)
            .Select(i => new ChangeQuantity(seed.PlanId, districts[i % districts.Count].UnitId, 1 + (10 * i), $"gate edit {i}"))
            .ToList();
        var race = await Race.RunAsync(new QuantityService(factory, TimeProvider.System), edits, Cancellation);
        TestContext.Current.TestOutputHelper?.WriteLine($"{edits.Count} concurrent edits in {race.Elapsed.TotalMilliseconds:F0} ms, {busy.Count} busy refusals");

        race.Refusals.ShouldBeEmpty();
        race.Successes.ShouldBe(edits.Count);
        busy.Count.ShouldBe(0, "no writer met SQLite's busy lock");
        var after = await StoredPlan.LoadAsync(factory, Cancellation);
        after.Tree().FindViolations().ShouldBeEmpty();
        after.Audit.Count(a => a.Action == AuditAction.QuantityChanged && a.Reason!.StartsWith("gate edit ", StringComparison.Ordinal)).ShouldBe(edits.Count);
        await AuditChainCheck.ShouldBeIntactAsync(factory, Cancellation);
    }

    /// <summary>
    /// Contexts on the test's file whose SQLite busy timeout is <see cref="BusyTimeoutSeconds"/>, counting every
    /// "database is locked" they meet (the services retry those, so only the count shows them).
    /// </summary>
    private static IDbContextFactory<AllocationDbContext> ShortTimeoutFactory(SqliteTestDatabase database, BusyCounter busy)
    {
        var connectionString = new SqliteConnectionStringBuilder(database.ConnectionString) { DefaultTimeout = BusyTimeoutSeconds }.ToString();
        var builder = new DbContextOptionsBuilder<AllocationDbContext>();
        SqliteDatabase.Configure(builder, connectionString).AddInterceptors(busy);
        builder.UseAuditSealKeys(TestSealKeys.Ring);
        return new TestContextFactory(builder.Options);
    }

    /// <summary>A test's own file, its contexts with the short busy timeout, and the busy refusals they met.</summary>
    private sealed class GateBed : IAsyncDisposable
    {
        private readonly SqliteTestDatabase _database;

        private GateBed(SqliteTestDatabase database)
        {
            _database = database;
            Factory = ShortTimeoutFactory(database, Busy);
        }

        public BusyCounter Busy { get; } = new();

        public IDbContextFactory<AllocationDbContext> Factory { get; }

        /// <summary>The database file, as the gate names its queue.</summary>
        public string File => new SqliteConnectionStringBuilder(_database.ConnectionString).DataSource;

        public string ConnectionString => _database.ConnectionString;

        public static async Task<GateBed> CreateAsync(bool seed) => new(await SqliteTestDatabase.CreateAsync(seed: seed));

        /// <summary>A first writer holding the file's turn: its transaction open with a write in it, until committed or disposed.</summary>
        public async Task<HeldWrite> HoldAsync()
        {
            var db = await Factory.CreateDbContextAsync(Cancellation);
            var transaction = await db.Database.BeginTransactionAsync(Cancellation);
            await db.Database.ExecuteSqlRawAsync(TouchHead, Cancellation);
            return new HeldWrite(db, transaction);
        }

        public ValueTask DisposeAsync() => _database.DisposeAsync();
    }

    private sealed class HeldWrite(AllocationDbContext db, IDbContextTransaction transaction) : IAsyncDisposable
    {
        public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await db.DisposeAsync();
        }
    }

    /// <summary>Counts SQLite's busy and locked refusals, of statements and of transactions.</summary>
    private sealed class BusyCounter : IDbCommandInterceptor, IDbTransactionInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Note(eventData.Exception);

        public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            Note(eventData.Exception);
            return Task.CompletedTask;
        }

        public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Note(eventData.Exception);

        public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            Note(eventData.Exception);
            return Task.CompletedTask;
        }

        private void Note(Exception exception)
        {
            if (exception is SqliteException { SqliteErrorCode: 5 or 6 })
            {
                Interlocked.Increment(ref _count);
            }
        }
    }
}
