using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace LicenseAllocation.Application.Data;

/// <summary>
/// The portal's writers of one SQLite file take turns in the process, in the order they came, before SQLite is asked for
/// its write lock (docs/decisions/0021-sqlite-writers-queue-in-the-process.md). SQLite lets one writer in at a time; a
/// <c>BEGIN IMMEDIATE</c> that finds the lock taken is answered "busy", and Microsoft.Data.Sqlite then sleeps and asks again
/// until its timeout, so under contention a writer could sleep long after the lock was free and a late one could pass an
/// early one. Here a writer waits on an in-process queue and goes in the moment the previous one commits or rolls back.
/// </summary>
/// <remarks>
/// Installed on every SQLite context by <c>SqliteDatabase.Configure</c>, it gates every transaction a context begins,
/// explicit (<c>BeginTransactionAsync</c>) or implicit (<c>SaveChanges</c> with several statements), and every writing
/// statement run outside a transaction (a single-statement <c>SaveChanges</c>, <c>ExecuteUpdate</c>), so every write path
/// (single edit, batch, import, requests, accounts, seeding) goes through it without knowing. Statements, rules and
/// audit are untouched: the turn only decides when the transaction starts. The turn ends when the transaction commits
/// or rolls back, or when its connection closes (a transaction disposed without commit). Another process writing the
/// same file is not queued here; SQLite's own lock and busy wait remain the authority between processes, and a writer
/// that has waited <see cref="MaxWait"/> for its turn goes on without it rather than fail.
/// </remarks>
public sealed class SqliteWriteGate : IDbTransactionInterceptor, IDbConnectionInterceptor, IDbCommandInterceptor
{
    /// <summary>After this long in the queue a writer goes on to SQLite's own lock (and its busy timeout).</summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    private static readonly string[] WriteVerbs = ["INSERT", "UPDATE", "DELETE", "REPLACE"];

    private readonly ConditionalWeakTable<DbConnection, Turn> _turns = [];

    private readonly ConditionalWeakTable<DbCommand, Turn> _statementTurns = [];

    private SqliteWriteGate()
    {
    }

    /// <summary>The one gate of the process: one queue per database file, whichever context factory opened it.</summary>
    public static SqliteWriteGate Instance { get; } = new();

    /// <summary>Whether a writer of <paramref name="dataSource"/> holds its turn now (for tests and diagnostics).</summary>
    public static bool IsTaken(string dataSource) => Gates.TryGetValue(Path.GetFullPath(dataSource), out var gate) && gate.CurrentCount == 0;

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        ArgumentNullException.ThrowIfNull(connection);
        Take(_turns, connection, TurnToTake(connection));
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await TakeAsync(_turns, connection, TurnToTake(connection), cancellationToken);
        return result;
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => End(ConnectionOf(eventData));

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        End(ConnectionOf(eventData));
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => End(ConnectionOf(eventData));

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        End(ConnectionOf(eventData));
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        EndIfNotBegun(eventData);
    }

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        EndIfNotBegun(eventData);
        return Task.CompletedTask;
    }

    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        End(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        End(connection);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        End(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        End(connection);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Take(_statementTurns, command, StatementTurnToTake(command));
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await TakeAsync(_statementTurns, command, StatementTurnToTake(command), cancellationToken);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        EndStatement(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        EndStatement(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Take(_statementTurns, command, StatementTurnToTake(command));
        return result;
    }

    public async ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        await TakeAsync(_statementTurns, command, StatementTurnToTake(command), cancellationToken);
        return result;
    }

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        EndStatement(command);
        return result;
    }

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        EndStatement(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Take(_statementTurns, command, StatementTurnToTake(command));
        return result;
    }

    public async ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        await TakeAsync(_statementTurns, command, StatementTurnToTake(command), cancellationToken);
        return result;
    }

    /// <summary>A statement read through a reader (<c>INSERT … RETURNING</c>) commits when its reader closes.</summary>
    public InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        EndStatement(command);
        return result;
    }

    public ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        EndStatement(command);
        return ValueTask.FromResult(result);
    }

    public InterceptionResult DataReaderDisposing(DbCommand command, DataReaderDisposingEventData eventData, InterceptionResult result)
    {
        EndStatement(command);
        return result;
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => EndStatement(command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        EndStatement(command);
        return Task.CompletedTask;
    }

    /// <summary>
    /// The queue of the connection's file, or null when there is nothing to queue for: a private in-memory database, or a
    /// connection that still holds its turn (its previous transaction was disposed without commit and it stayed open).
    /// </summary>
    private SemaphoreSlim? TurnToTake(DbConnection connection)
    {
        var source = connection.DataSource;
        if (string.IsNullOrEmpty(source) || source == ":memory:")
        {
            return null;
        }

        if (_turns.TryGetValue(connection, out var held) && held.IsHeld)
        {
            return null;
        }

        return Gates.GetOrAdd(Path.GetFullPath(source), _ => new SemaphoreSlim(1, 1));
    }

    /// <summary>
    /// Waits for the turn of <paramref name="gate"/> (none: nothing to queue for) and keeps it under <paramref name="key"/>,
    /// the connection of a transaction or a writing statement run on its own, until it ends; a writer that has waited
    /// <see cref="MaxWait"/> goes on without it.
    /// </summary>
    private static void Take<TKey>(ConditionalWeakTable<TKey, Turn> turns, TKey key, SemaphoreSlim? gate)
        where TKey : class
    {
        if (gate is not null && gate.Wait(MaxWait))
        {
            turns.AddOrUpdate(key, Turn.Of(gate, key));
        }
    }

    private static async Task TakeAsync<TKey>(ConditionalWeakTable<TKey, Turn> turns, TKey key, SemaphoreSlim? gate, CancellationToken cancellationToken)
        where TKey : class
    {
        if (gate is not null && await gate.WaitAsync(MaxWait, cancellationToken))
        {
            turns.AddOrUpdate(key, Turn.Of(gate, key));
        }
    }

    /// <summary>A writing statement outside a transaction is a transaction of its own (autocommit) and queues like one.</summary>
    private SemaphoreSlim? StatementTurnToTake(DbCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command.Transaction is null && command.Connection is { } connection && IsWrite(command.CommandText) ? TurnToTake(connection) : null;
    }

    private void EndStatement(DbCommand command)
    {
        if (command is not null && _statementTurns.TryGetValue(command, out var turn))
        {
            turn.Release();
            _statementTurns.Remove(command);
        }
    }

    /// <summary>Whether the statement's first word (after comments, such as a query's tag) is one that writes rows.</summary>
    internal static bool IsWrite(string? sql)
    {
        var text = (sql ?? string.Empty).AsSpan();
        while (true)
        {
            text = text.TrimStart();
            if (text.StartsWith("--"))
            {
                var end = text.IndexOf('\n');
                text = end < 0 ? [] : text[(end + 1)..];
            }
            else if (text.StartsWith("/*"))
            {
                var end = text.IndexOf("*/");
                text = end < 0 ? [] : text[(end + 2)..];
            }
            else
            {
                break;
            }
        }

        foreach (var verb in WriteVerbs)
        {
            if (text.StartsWith(verb, StringComparison.OrdinalIgnoreCase) && (text.Length == verb.Length || !char.IsLetterOrDigit(text[verb.Length])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A failed begin took no transaction, so its turn goes back; a failed savepoint or commit keeps it until the end.</summary>
    private void EndIfNotBegun(TransactionErrorEventData eventData)
    {
        if (eventData.Action == "BeginTransaction")
        {
            End(ConnectionOf(eventData));
        }
    }

    /// <summary>The connection the transaction ran on: a finished transaction no longer names it, its context does.</summary>
    private static DbConnection? ConnectionOf(TransactionEventData eventData) => eventData.Context?.Database.GetDbConnection();

    private void End(DbConnection? connection)
    {
        if (connection is not null && _turns.TryGetValue(connection, out var turn))
        {
            turn.Release();
        }
    }

    /// <summary>
    /// One connection's turn; given back once, whichever of commit, rollback or close comes first. A connection's close is
    /// watched on the connection itself, not only through EF: a pooled context given back to its pool closes the
    /// connection it had opened without telling the interceptors, and its turn must not outlive it.
    /// </summary>
    private sealed class Turn
    {
        private readonly SemaphoreSlim _gate;
        private readonly DbConnection? _connection;
        private int _released;

        private Turn(SemaphoreSlim gate, DbConnection? connection)
        {
            _gate = gate;
            _connection = connection;
            if (connection is not null)
            {
                connection.StateChange += OnStateChange;
            }
        }

        public bool IsHeld => Volatile.Read(ref _released) == 0;

        /// <summary>The turn of a transaction's connection (watched until it closes) or of a statement's command.</summary>
        public static Turn Of(SemaphoreSlim gate, object holder) => new(gate, holder as DbConnection);

        public void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                if (_connection is not null)
                {
                    _connection.StateChange -= OnStateChange;
                }

                _gate.Release();
            }
        }

        private void OnStateChange(object sender, System.Data.StateChangeEventArgs change)
        {
            if (change.CurrentState == System.Data.ConnectionState.Closed)
            {
                Release();
            }
        }
    }
}
