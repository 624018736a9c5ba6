using System.Data.Common;
using LicenseAllocation.Application.Data;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Concurrency;

public sealed class TransientFailureTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_pause_doubles_with_each_attempt_and_stops_growing_at_four_tenths_of_a_second()
    {
        var pauses = Enumerable.Range(1, TransientFailure.MaxAttempts).Select(a => TransientFailure.PauseMilliseconds(a, jitter: 1)).ToList();

        pauses.Take(4).ShouldBe([5, 10, 20, 40]);
        pauses.Max().ShouldBe(400);
        pauses.Zip(pauses.Skip(1)).ShouldAllBe(p => p.Second >= p.First);
        TransientFailure.PauseMilliseconds(3, jitter: 0).ShouldBe(10);
    }

    [Fact]
    public async Task A_transaction_rolled_back_by_a_deadlock_is_tried_again_until_it_gives_an_answer()
    {
        var attempts = 0;

        var answer = await TransientFailure.RetryAsync(
            _ => ++attempts < 4 ? throw new DeadlockException() : Task.FromResult<string?>("saved"),
            () => "gave up",
            Ct);

        answer.ShouldBe("saved");
        attempts.ShouldBe(4);
    }

    [Fact]
    public async Task A_failure_that_a_retry_cannot_cure_is_not_retried()
    {
        var attempts = 0;

        await Should.ThrowAsync<InvalidDataException>(() => TransientFailure.RetryAsync<string>(
            _ =>
            {
                attempts++;
                throw new InvalidDataException();
            },
            () => "gave up",
            Ct));

        attempts.ShouldBe(1);
    }

    [Fact]
    public async Task Figures_that_keep_changing_underneath_give_up_after_the_last_attempt_with_the_callers_words()
    {
        var attempts = 0;

        var refused = await Should.ThrowAsync<InvalidOperationException>(() => TransientFailure.RetryAsync(
            _ =>
            {
                attempts++;
                return Task.FromResult<string?>(null);
            },
            () => "kept changing",
            Ct));

        refused.Message.ShouldBe("kept changing");
        attempts.ShouldBe(TransientFailure.MaxAttempts);
    }

    private sealed class DeadlockException : DbException
    {
        public override bool IsTransient => true;
    }
}
