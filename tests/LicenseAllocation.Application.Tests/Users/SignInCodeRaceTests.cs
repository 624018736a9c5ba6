using LicenseAllocation.Application.Identity;
using LicenseAllocation.Testing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace LicenseAllocation.Application.Tests.Users;

/// <summary>
/// One authenticator code sent to two instances of the portal at once (two service providers, so two UserManagers and
/// two DbContexts, over one database): the lock on the user name is per process and holds neither back, so only the
/// database can let exactly one of them sign in: the first scenario stops both instances between reading the last step
/// and keeping theirs, the second sends the code to both at once, round after round. On every provider (see the
/// derived classes).
/// </summary>
public abstract class SignInCodeRaceTests
{
    private const string UserName = "can-bo-hai-lop";
    private static readonly DateTimeOffset Start = new(2021, 3, 1, 2, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<ProviderDatabase> CreateSeededDatabaseAsync();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Of_two_instances_that_both_read_the_account_before_either_kept_the_step_only_one_signs_in_with_the_code(bool signedInBefore)
    {
        await using var database = await CreateSeededDatabaseAsync();
        await using var first = IdentityServices.Over(database.Factory);
        await using var second = IdentityServices.Over(database.Factory);
        var (id, key) = await EnrolAsync(first);
        if (signedInBefore)
        {
            // An earlier sign-in left a step on the account: both instances find its row to change.
            (await RedeemAloneAsync(first, database, id, Totp.Code(key, Start), Start)).ShouldBeTrue();
        }

        var now = Start.AddMinutes(5);
        var code = Totp.Code(key, now);
        await using var scopeA = first.CreateAsyncScope();
        await using var scopeB = second.CreateAsyncScope();
        var (usersA, userA) = await ReadAsync(scopeA, id);
        var (usersB, userB) = await ReadAsync(scopeB, id);
        var readA = (await SignInCodes.CheckAsync(usersA, database.Factory, userA, code, now, Ct)).ShouldNotBeNull();
        var readB = (await SignInCodes.CheckAsync(usersB, database.Factory, userB, code, now, Ct)).ShouldNotBeNull();

        var a = await SignInCodes.KeepAsync(database.Factory, readA, Ct);
        var b = await SignInCodes.KeepAsync(database.Factory, readB, Ct);

        a.ShouldBeTrue();
        b.ShouldBeFalse();
        (await RedeemAloneAsync(second, database, id, code, now)).ShouldBeFalse();
    }

    [Fact]
    public async Task Two_instances_redeeming_one_code_at_the_same_moment_sign_in_once_each_time()
    {
        await using var database = await CreateSeededDatabaseAsync();
        await using var first = IdentityServices.Over(database.Factory);
        await using var second = IdentityServices.Over(database.Factory);
        var (id, key) = await EnrolAsync(first);

        // The first round is the account's first code ever (the step's row is added), the others change that row.
        for (var round = 0; round < 8; round++)
        {
            var now = Start.AddMinutes(3 * round);
            var code = Totp.Code(key, now);
            await using var scopeA = first.CreateAsyncScope();
            await using var scopeB = second.CreateAsyncScope();
            var (usersA, userA) = await ReadAsync(scopeA, id);
            var (usersB, userB) = await ReadAsync(scopeB, id);

            var both = await Task.WhenAll(
                Task.Run(() => SignInCodes.RedeemAsync(usersA, database.Factory, userA, code, now, Ct), Ct),
                Task.Run(() => SignInCodes.RedeemAsync(usersB, database.Factory, userB, code, now, Ct), Ct));

            both.Count(accepted => accepted).ShouldBe(1, $"round {round}");
        }
    }

    /// <summary>An account with an authenticator (two-factor on), as enrolment leaves it; its id and shared key.</summary>
    private static async Task<(string Id, string Key)> EnrolAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = UserName };
        (await users.CreateAsync(user)).Succeeded.ShouldBeTrue();
        (await users.ResetAuthenticatorKeyAsync(user)).Succeeded.ShouldBeTrue();
        (await users.SetTwoFactorEnabledAsync(user, true)).Succeeded.ShouldBeTrue();
        return (user.Id, (await users.GetAuthenticatorKeyAsync(user))!);
    }

    private static async Task<bool> RedeemAloneAsync(IServiceProvider services, ProviderDatabase database, string id, string code, DateTimeOffset now)
    {
        await using var scope = services.CreateAsyncScope();
        var (users, user) = await ReadAsync(scope, id);
        return await SignInCodes.RedeemAsync(users, database.Factory, user, code, now, Ct);
    }

    /// <summary>The account as an instance reads it when the code arrives.</summary>
    private static async Task<(UserManager<PortalUser> Users, PortalUser User)> ReadAsync(AsyncServiceScope scope, string id)
    {
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        return (users, (await users.FindByIdAsync(id)).ShouldNotBeNull());
    }
}

public sealed class SqliteSignInCodeRaceTests : SignInCodeRaceTests
{
    protected override async Task<ProviderDatabase> CreateSeededDatabaseAsync()
    {
        var database = await SqliteTestDatabase.CreateAsync(seed: false);
        return new ProviderDatabase(database.Factory, database);
    }
}

public sealed class PostgresSignInCodeRaceTests(PostgresCluster cluster) : SignInCodeRaceTests
{
    protected override async Task<ProviderDatabase> CreateSeededDatabaseAsync()
    {
        var database = await PostgresTestDatabase.CreateAsync(cluster, seed: false, cancellationToken: TestContext.Current.CancellationToken);
        return new ProviderDatabase(database.Factory, database);
    }
}
