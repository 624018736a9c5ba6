using System.Data.Common;
using LicenseAllocation.Application.Allocations;
using LicenseAllocation.Application.Allocations.Batches;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Migrations.Sqlite;
using LicenseAllocation.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Concurrency;

/// <summary>
/// On SQLite an edit reads what its checks need before it takes the file's turn, and only writes inside it
/// (docs/decisions/0024-sqlite-edits-read-before-their-turn.md): a refusal or a preview never queues, and a change made
/// between the reads and the turn is found by the conditional update and read again in the transaction.
/// </summary>
public sealed class SqliteReadsBeforeTheTurnTests : IAsyncLifetime
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private readonly Watch _watch = new();
    private SqliteTestDatabase _database = default!;
    private IDbContextFactory<AllocationDbContext> _watched = default!;
    private int _planId;
    private int _caoLanhCity;
    private int _ward11;
    private int _caoLanhVersion;

    public async ValueTask InitializeAsync()
    {
        _database = await SqliteTestDatabase.CreateAsync();
        var builder = new DbContextOptionsBuilder<AllocationDbContext>();
        SqliteDatabase.Configure(builder, _database.ConnectionString).AddInterceptors(_watch);
        builder.UseAuditSealKeys(TestSealKeys.Ring);
        _watched = new TestContextFactory(builder.Options);
        _planId = await SeededPlan.PlanIdAsync(_database.Factory);
        _caoLanhCity = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "866");
        _ward11 = await SeededPlan.UnitIdByCodeAsync(_database.Factory, "29863");
        _caoLanhVersion = (await ChangeAsync(new QuantityService(_database.Factory, TimeProvider.System), _caoLanhCity, 100)).Value!.Version;
        (await ChangeAsync(new QuantityService(_database.Factory, TimeProvider.System), _ward11, 20)).Succeeded.ShouldBeTrue();
    }

    public async ValueTask DisposeAsync() => await _database.DisposeAsync();

    private Task<Common.Outcome<UnitNodeView>> ChangeAsync(QuantityService service, int unitId, int quantity, int? version = null) =>
        service.ChangeAsync(SeededPlan.Admin, new ChangeQuantity(_planId, unitId, quantity, "Điều chỉnh theo nhu cầu", version), Cancellation);

    [Fact]
    public async Task A_refused_edit_begins_no_transaction()
    {
        var outcome = await ChangeAsync(new QuantityService(_watched, TimeProvider.System), _ward11, 101);

        outcome.Error!.Code.ShouldBe(Domain.Allocations.AllocationErrorCode.ExceedsParent);
        _watch.TransactionsBegun.ShouldBe(0);
    }

    [Fact]
    public async Task A_batch_preview_and_a_refused_batch_begin_no_transaction()
    {
        var batches = new QuantityBatchService(_watched, TimeProvider.System);

        var preview = await batches.PreviewAsync(SeededPlan.Admin, new QuantityBatch(_planId, null, [new(_ward11, 30)]), Cancellation);
        var refused = await batches.ApplyAsync(SeededPlan.Admin, new QuantityBatch(_planId, "Điều chỉnh", [new(_ward11, 101)]), Cancellation);

        preview.Changes.ShouldBe([new QuantityBatchChange(_ward11, 20, 30)]);
        refused.Applied.ShouldBeFalse();
        refused.Refused.Single().UnitId.ShouldBe(_ward11);
        _watch.TransactionsBegun.ShouldBe(0);
    }

    [Fact]
    public async Task A_childs_edit_between_the_reads_and_the_turn_is_in_the_answer_and_in_the_figures()
    {
        // Once the district's edit has read its row (and before its turn), a ward of it is raised by another writer,
        // which moves the district's handed-on counter but not its version.
        var raised = false;
        _watch.AfterFirstReadOutsideATransaction = async () =>
            raised = (await ChangeAsync(new QuantityService(_database.Factory, TimeProvider.System), _ward11, 35)).Succeeded;

        var outcome = await ChangeAsync(new QuantityService(_watched, TimeProvider.System), _caoLanhCity, 120, version: _caoLanhVersion);

        raised.ShouldBeTrue();
        outcome.Succeeded.ShouldBeTrue(outcome.Error?.ToString());
        var (quantity, handedOn) = await SeededPlan.FiguresAsync(_database.Factory, _planId, _caoLanhCity);
        (outcome.Value.Quantity, outcome.Value.HandedOn, outcome.Value.Version).ShouldBe((120, handedOn, _caoLanhVersion + 1));
        quantity.ShouldBe(120);
        (await SeededPlan.FiguresAsync(_database.Factory, _planId, _ward11)).Quantity.ShouldBe(35);
        (await new AuditChainVerifier(_database.Factory).VerifyAsync(Cancellation)).Valid.ShouldBeTrue();
    }

    /// <summary>Counts the transactions begun, and runs a step once after the first read made outside a transaction.</summary>
    private sealed class Watch : IDbCommandInterceptor, IDbTransactionInterceptor
    {
        private int _begun;

        public int TransactionsBegun => Volatile.Read(ref _begun);

        public Func<Task>? AfterFirstReadOutsideATransaction { get; set; }

        public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
            DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _begun);
            return ValueTask.FromResult(result);
        }

        public async ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (command.Transaction is null && AfterFirstReadOutsideATransaction is { } step)
            {
                AfterFirstReadOutsideATransaction = null;
                await step();
            }

            return result;
        }
    }
}
