using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Auditing;
using LicenseAllocation.Application.Common;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Domain.Accounts;
using LicenseAllocation.Domain.Allocations;
using LicenseAllocation.Domain.Auditing;
using LicenseAllocation.Domain.Text;
using LicenseAllocation.Domain.Units;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LicenseAllocation.Application.Users;

/// <summary>
/// The province administrator's accounts: create one with a role and scope, reset its password, disable it. Each call
/// opens its own DI scope for <see cref="UserManager{TUser}"/>, so a Blazor circuit never holds a context for hours.
/// A disabled account is locked out for good and gets a new security stamp: the portal's revalidation (cookie, circuit,
/// bearer token) then refuses its existing sessions within a minute. Every change is written to the audit trail in the
/// transaction of the Identity change itself (the store saves through the scope's context, on which the transaction is
/// opened): both commit, or neither does.
/// </summary>
public sealed class UserAdministration(
    IServiceScopeFactory scopeFactory,
    IDbContextFactory<AllocationDbContext> contextFactory,
    TimeProvider clock,
    ILogger<UserAdministration> logger)
{
    /// <summary>Identity's conventional "disabled": a lockout that never ends.</summary>
    public static readonly DateTimeOffset DisabledUntil = DateTimeOffset.MaxValue;

    /// <summary>True for an account locked out for good (databases may round the sentinel, so the year decides).</summary>
    public static bool IsDisabled(DateTimeOffset? lockoutEnd) => lockoutEnd is { Year: 9999 };

    public async Task<Outcome<IReadOnlyList<UserView>>> ListAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanManageUsers(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var views = await ViewsAsync(db, null, cancellationToken);
        return Outcome.Success<IReadOnlyList<UserView>>(views);
    }

    public async Task<Outcome<UserView>> GetAsync(Caller caller, string userId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanManageUsers(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var view = (await ViewsAsync(db, userId, cancellationToken)).SingleOrDefault();
        return view is null ? AllocationError.UserNotFound() : view;
    }

    /// <summary>The units a user can be scoped to, in the order of the official lists.</summary>
    public async Task<Outcome<IReadOnlyList<ScopeUnitOption>>> ListScopeUnitsAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!AccessPolicy.CanManageUsers(caller))
        {
            return AllocationError.Forbidden();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var units = await db.Units.AsNoTracking()
            .Where(u => u.IsActive)
            .OrderBy(u => u.Kind).ThenBy(u => u.ParentId).ThenBy(u => u.Order).ThenBy(u => u.Id)
            .Select(u => new ScopeUnitOption(u.Id, u.Name, u.Kind, u.Parent == null ? null : u.Parent.Name))
            .ToListAsync(cancellationToken);
        return Outcome.Success<IReadOnlyList<ScopeUnitOption>>(units);
    }

    public async Task<Outcome<UserView>> CreateAsync(Caller caller, NewUser request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        if (!AccessPolicy.CanManageUsers(caller))
        {
            return AllocationError.Forbidden();
        }

        var checkedRequest = await CheckNewAsync(request, cancellationToken);
        if (checkedRequest.Refusal is { } refusal)
        {
            return refusal;
        }

        // The account, its role and its audit row are written together or not at all: the store works on this scope's context.
        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AllocationDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await AddAsync(users, db, caller, request, checkedRequest.Role, checkedRequest.UnitName, cancellationToken);
        if (created.Refusal is { } identityRefusal)
        {
            return identityRefusal;
        }

        await transaction.CommitAsync(cancellationToken);
        return await GetAsync(caller, created.UserId!, cancellationToken);
    }

    /// <summary>
    /// Many accounts as one change (the communes' officers from a workbook): each checked by the rules of
    /// <see cref="CreateAsync"/>, and, when none is refused and it is not a dry run, all created with their audit rows in
    /// one transaction, or none. Gives the refusal of each refused entry by its index.
    /// </summary>
    public async Task<Outcome<IReadOnlyList<(int Index, AllocationError Refusal)>>> CreateManyAsync(
        Caller caller, IReadOnlyList<NewUser> requests, bool dryRun, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(requests);
        if (!AccessPolicy.CanManageUsers(caller))
        {
            return AllocationError.Forbidden();
        }

        var refusals = new List<(int Index, AllocationError Refusal)>();
        var checkedRequests = new List<(PortalRole Role, string? UnitName)>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await using (var read = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var names = requests.Select(r => r.UserName?.Trim().ToUpperInvariant()).Where(n => n is not null).ToList();
            var taken = (await read.Users.Where(u => names.Contains(u.NormalizedUserName)).Select(u => u.NormalizedUserName!).ToListAsync(cancellationToken))
                .ToHashSet(StringComparer.Ordinal);
            for (var i = 0; i < requests.Count; i++)
            {
                var result = await CheckNewAsync(requests[i], cancellationToken);
                var name = requests[i].UserName?.Trim() ?? string.Empty;
                var refusal = result.Refusal
                    ?? (taken.Contains(name.ToUpperInvariant()) || !seen.Add(name) ? AllocationError.DuplicateUser() : null);
                if (refusal is not null)
                {
                    refusals.Add((i, refusal));
                }

                checkedRequests.Add((result.Role, result.UnitName));
            }
        }

        if (refusals.Count > 0 || dryRun)
        {
            return refusals;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AllocationDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        for (var i = 0; i < requests.Count; i++)
        {
            var created = await AddAsync(users, db, caller, requests[i], checkedRequests[i].Role, checkedRequests[i].UnitName, cancellationToken);
            if (created.Refusal is { } raced)
            {
                // Taken meanwhile by another administrator: nothing of the batch is kept.
                return new List<(int, AllocationError)> { (i, raced) };
            }
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("{Count} accounts created together by {Administrator}", requests.Count, caller.UserName);
        return refusals;
    }

    /// <summary>Every rule a new account must pass before it is written: role, scope, user name, details, password.</summary>
    private async Task<(AllocationError? Refusal, PortalRole Role, string? UnitName)> CheckNewAsync(NewUser request, CancellationToken cancellationToken)
    {
        if (ParseRole(request.Role) is not { } role)
        {
            return (AllocationError.InvalidRole(), default, null);
        }

        var scopeCheck = await CheckScopeAsync(role, request.ScopeUnitId, cancellationToken);
        if (scopeCheck.Refusal is { } scopeRefusal)
        {
            return (scopeRefusal, role, null);
        }

        if (AccountName.Check(request.UserName) is { } badName)
        {
            return (badName, role, null);
        }

        if (CheckDetails(request.FullName, request.Position, request.Phone, request.Email) is { } badDetail)
        {
            return (badDetail, role, null);
        }

        if (string.IsNullOrEmpty(request.Password) || request.Password.Length < PortalIdentityOptions.MinimumPasswordLength)
        {
            return (AllocationError.WeakPassword(PortalIdentityOptions.MinimumPasswordLength), role, null);
        }

        return (PasswordRules.Check(request.Password, request.UserName!.Trim()), role, scopeCheck.UnitName);
    }

    /// <summary>Writes one checked account, its role and its audit row on the scope's context, inside the caller's transaction.</summary>
    private async Task<(AllocationError? Refusal, string? UserId)> AddAsync(
        UserManager<PortalUser> users, AllocationDbContext db, Caller caller, NewUser request, PortalRole role, string? unitName, CancellationToken cancellationToken)
    {
        var userName = request.UserName!.Trim();
        var user = new PortalUser
        {
            UserName = userName,
            ScopeUnitId = request.ScopeUnitId,
            LockoutEnabled = true,
            FullName = AccountDetails.NormalizeText(request.FullName),
            Position = AccountDetails.NormalizeText(request.Position),
            PhoneNumber = AccountDetails.NormalizePhone(request.Phone),
            Email = AccountDetails.NormalizeEmail(request.Email),
            MustChangePassword = request.MustChangePassword,
        };
        user.NormalizedEmail = users.NormalizeEmail(user.Email);
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            return (Refusal(created, users), null);
        }

        var added = await users.AddToRoleAsync(user, role.ToString());
        if (!added.Succeeded)
        {
            throw new InvalidOperationException($"Could not give {userName} the role {role}: " + Describe(added));
        }

        await AuditTrail.AppendAsync(db, AccountEvent(caller, AuditAction.UserCreated, AccountAuditText.Created(userName, role, unitName)), cancellationToken);
        logger.LogInformation("User {UserName} created with role {Role} and scope unit {ScopeUnitId} by {Administrator}",
            userName, role, request.ScopeUnitId, caller.UserName);
        return (null, user.Id);
    }

    /// <summary>Locks the account for good and changes its security stamp, so that its sessions and tokens end.</summary>
    public Task<Outcome<UserView>> DisableAsync(Caller caller, string userId, CancellationToken cancellationToken = default) =>
        ChangeUserAsync(caller, userId, AuditAction.UserDisabled, AccountAuditText.Disabled, async (users, user) =>
        {
            if (user.NormalizedUserName == users.NormalizeName(caller.UserName))
            {
                return AllocationError.CannotDisableSelf();
            }

            Check(await users.SetLockoutEnabledAsync(user, true), user);
            Check(await users.SetLockoutEndDateAsync(user, DisabledUntil), user);
            Check(await users.UpdateSecurityStampAsync(user), user);
            return null;
        }, cancellationToken);

    /// <summary>Sets a new password; the security stamp changes with it, so the user's other sessions end too.</summary>
    public Task<Outcome<UserView>> ResetPasswordAsync(Caller caller, string userId, string? password, CancellationToken cancellationToken = default) =>
        ChangeUserAsync(caller, userId, AuditAction.UserPasswordReset, AccountAuditText.PasswordReset, async (users, user) =>
        {
            if (string.IsNullOrEmpty(password) || password.Length < users.Options.Password.RequiredLength)
            {
                return AllocationError.WeakPassword(users.Options.Password.RequiredLength);
            }

            if (PasswordRules.Check(password, user.UserName ?? string.Empty) is { } guessable)
            {
                return guessable;
            }

            // The administrator now knows the password: the user must choose their own at the next sign-in.
            user.MustChangePassword = true;

            // Identity's reset validates the password and changes hash and stamp in one update.
            var token = await users.GeneratePasswordResetTokenAsync(user);
            var reset = await users.ResetPasswordAsync(user, token, password);
            if (!reset.Succeeded)
            {
                return Refusal(reset, users);
            }

            return null;
        }, cancellationToken);

    /// <summary>
    /// The administrator's edit of an account: the person's details and, for a scoped role, the unit it works in
    /// (checked as at creation). A new unit changes the security stamp, so the account's sessions end and its next
    /// sign-in carries the new scope. Nothing changed: nothing is written.
    /// </summary>
    public Task<Outcome<UserView>> UpdateAsync(Caller caller, string userId, AccountEdit edit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(edit);
        return ChangeUserAsync(caller, userId, allowSelf: false, AuditAction.UserDetailsChanged, async (users, user) =>
        {
            if (CheckDetails(edit.FullName, edit.Position, edit.Phone, edit.Email) is { } badDetail)
            {
                return Change.Refused(badDetail);
            }

            var changed = ApplyDetails(users, user, edit.FullName, edit.Position, edit.Phone, edit.Email);
            if (edit.ScopeUnitId != user.ScopeUnitId)
            {
                var role = ParseRole((await users.GetRolesAsync(user)).FirstOrDefault());
                if (role is not { } known)
                {
                    return Change.Refused(AllocationError.InvalidRole());
                }

                var scopeCheck = await CheckScopeAsync(known, edit.ScopeUnitId, cancellationToken);
                if (scopeCheck.Refusal is { } scopeRefusal)
                {
                    return Change.Refused(scopeRefusal);
                }

                user.ScopeUnitId = edit.ScopeUnitId;
                changed.Add(AccountAuditText.ScopeField(scopeCheck.UnitName));
                Check(await users.UpdateSecurityStampAsync(user), user);
            }

            return await SaveDetailsAsync(users, user, changed);
        }, cancellationToken);
    }

    /// <summary>A new e-mail address (or none), by the administrator or by the account's own user.</summary>
    public Task<Outcome<UserView>> SetEmailAsync(Caller caller, string userId, string? email, CancellationToken cancellationToken = default) =>
        ChangeUserAsync(caller, userId, allowSelf: true, AuditAction.UserDetailsChanged, async (users, user) =>
        {
            if (AccountDetails.CheckEmail(email) is { } badEmail)
            {
                return Change.Refused(badEmail);
            }

            return await SaveDetailsAsync(users, user, ApplyDetails(users, user, user.FullName, user.Position, user.PhoneNumber, email));
        }, cancellationToken);

    /// <summary>
    /// Keeps the language the signed-in user chose in the portal (<c>vi</c> or <c>en</c>), the language of the e-mails
    /// they get. Not an account change anyone audits, and it leaves the security stamp (and so the sessions) alone.
    /// </summary>
    public async Task SetOwnLanguageAsync(Caller caller, string language, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (language is not ("vi" or "en"))
        {
            return;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var normalized = caller.UserName.ToUpperInvariant();
        await db.Users.Where(u => u.NormalizedUserName == normalized && (u.Language == null || u.Language != language))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Language, language), cancellationToken);
    }

    /// <summary>The signed-in user's own account, whatever their role.</summary>
    public async Task<Outcome<UserView>> GetOwnAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var normalized = caller.UserName.ToUpperInvariant();
        var id = await db.Users.Where(u => u.NormalizedUserName == normalized).Select(u => u.Id).SingleOrDefaultAsync(cancellationToken);
        var view = id is null ? null : (await ViewsAsync(db, id, cancellationToken)).SingleOrDefault();
        return view is null ? AllocationError.UserNotFound() : view;
    }

    /// <summary>The user's own name, phone and e-mail; position and unit stay the administrator's.</summary>
    public async Task<Outcome<UserView>> UpdateOwnAsync(Caller caller, OwnDetails details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(details);
        var own = await GetOwnAsync(caller, cancellationToken);
        if (!own.Succeeded)
        {
            return own.Error;
        }

        return await ChangeUserAsync(caller, own.Value.Id, allowSelf: true, AuditAction.UserDetailsChanged, async (users, user) =>
        {
            if (CheckDetails(details.FullName, null, details.Phone, details.Email) is { } badDetail)
            {
                return Change.Refused(badDetail);
            }

            return await SaveDetailsAsync(users, user, ApplyDetails(users, user, details.FullName, user.Position, details.Phone, details.Email));
        }, cancellationToken);
    }

    /// <summary>Re-enables a disabled account: its lockout ends and its failed attempts are forgotten; it signs in with its password.</summary>
    public Task<Outcome<UserView>> EnableAsync(Caller caller, string userId, CancellationToken cancellationToken = default) =>
        ChangeUserAsync(caller, userId, AuditAction.UserEnabled, AccountAuditText.Enabled, async (users, user) =>
        {
            if (!IsDisabled(user.LockoutEnd))
            {
                return AllocationError.UserNotDisabled();
            }

            Check(await users.SetLockoutEndDateAsync(user, null), user);
            Check(await users.ResetAccessFailedCountAsync(user), user);
            return null;
        }, cancellationToken);

    /// <summary>
    /// The user's own new password, given with the current one (a wrong one counts towards the lockout like a wrong
    /// sign-in). The same rules as the administrator's, and not the current password again. The security stamp changes,
    /// so the user's other sessions and tokens end; the caller renews its own session. Clears the obligation to change.
    /// </summary>
    public async Task<Outcome<UserView>> ChangeOwnPasswordAsync(Caller caller, string? currentPassword, string? newPassword, CancellationToken cancellationToken = default)
    {
        var own = await GetOwnAsync(caller, cancellationToken);
        if (!own.Succeeded)
        {
            return own.Error;
        }

        // Checked and counted outside the change's transaction, so that a wrong guess is counted even though nothing changes.
        await using (var check = scopeFactory.CreateAsyncScope())
        {
            var manager = check.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var account = await manager.FindByIdAsync(own.Value.Id);
            if (account is null || await manager.IsLockedOutAsync(account) ||
                string.IsNullOrEmpty(currentPassword) || !await manager.CheckPasswordAsync(account, currentPassword))
            {
                if (account is not null)
                {
                    await manager.AccessFailedAsync(account);
                }

                return AllocationError.WrongCurrentPassword();
            }
        }

        return await ChangeUserAsync(caller, own.Value.Id, allowSelf: true, AuditAction.UserPasswordChanged, async (users, user) =>
        {
            if (string.IsNullOrEmpty(newPassword) || newPassword.Length < users.Options.Password.RequiredLength)
            {
                return Change.Refused(AllocationError.WeakPassword(users.Options.Password.RequiredLength));
            }

            if (string.Equals(newPassword, currentPassword, StringComparison.Ordinal))
            {
                return Change.Refused(AllocationError.SamePassword());
            }

            if (PasswordRules.Check(newPassword, user.UserName ?? string.Empty) is { } guessable)
            {
                return Change.Refused(guessable);
            }

            user.MustChangePassword = false;
            var changed = await users.ChangePasswordAsync(user, currentPassword!, newPassword);
            if (!changed.Succeeded)
            {
                return Change.Refused(Refusal(changed, users));
            }

            Check(await users.ResetAccessFailedCountAsync(user), user);
            return Change.Done(AccountAuditText.PasswordChanged(user.UserName));
        }, cancellationToken);
    }

    /// <summary>
    /// Notes the moment an account signed in. Called by the sign-in itself once the password (and code) were accepted,
    /// before there is a caller; one conditional statement, no audit row (the log records sign-ins).
    /// </summary>
    public async Task RecordSignInAsync(string userId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(set => set.SetProperty(u => u.LastSignInAt, now), cancellationToken);
    }

    private static AllocationError? CheckDetails(string? fullName, string? position, string? phone, string? email) =>
        AccountDetails.CheckFullName(fullName) ?? AccountDetails.CheckPosition(position) ?? AccountDetails.CheckPhone(phone) ?? AccountDetails.CheckEmail(email);

    /// <summary>Sets the normalised details and names, in the trail's words, the fields that changed.</summary>
    private static List<string> ApplyDetails(UserManager<PortalUser> users, PortalUser user, string? fullName, string? position, string? phone, string? email)
    {
        var changed = new List<string>();
        Set(AccountDetails.NormalizeText(fullName), user.FullName, v => user.FullName = v, AccountAuditText.FullNameField);
        Set(AccountDetails.NormalizeText(position), user.Position, v => user.Position = v, AccountAuditText.PositionField);
        Set(AccountDetails.NormalizePhone(phone), user.PhoneNumber, v => user.PhoneNumber = v, AccountAuditText.PhoneField);
        var newEmail = AccountDetails.NormalizeEmail(email);
        if (!string.Equals(newEmail, user.Email, StringComparison.Ordinal))
        {
            // Set here rather than by UserManager.SetEmailAsync, which would change the stamp and end the user's sessions.
            user.Email = newEmail;
            user.NormalizedEmail = users.NormalizeEmail(newEmail);
            user.EmailConfirmed = false;
            changed.Add(AccountAuditText.EmailField);
        }

        return changed;

        void Set(string? value, string? current, Action<string?> assign, string field)
        {
            if (!string.Equals(value, current, StringComparison.Ordinal))
            {
                assign(value);
                changed.Add(field);
            }
        }
    }

    private static async Task<Change> SaveDetailsAsync(UserManager<PortalUser> users, PortalUser user, List<string> changed)
    {
        if (changed.Count == 0)
        {
            return Change.Nothing;
        }

        Check(await users.UpdateAsync(user), user);
        return Change.Done(AccountAuditText.DetailsChanged(user.UserName, changed));
    }

    /// <summary>What a change did: refused, nothing to write, or done with the words of its audit row.</summary>
    internal sealed record Change(AllocationError? Refusal, string? Description)
    {
        public static readonly Change Nothing = new(null, null);

        public static Change Refused(AllocationError error) => new(error, null);

        public static Change Done(string description) => new(null, description);
    }

    /// <summary>An administrator's change that is always written when it is not refused.</summary>
    private Task<Outcome<UserView>> ChangeUserAsync(
        Caller caller,
        string userId,
        AuditAction action,
        Func<string?, string> describe,
        Func<UserManager<PortalUser>, PortalUser, Task<AllocationError?>> change,
        CancellationToken cancellationToken) =>
        ChangeUserAsync(caller, userId, allowSelf: false, action, async (users, user) =>
            await change(users, user) is { } refusal ? Change.Refused(refusal) : Change.Done(describe(user.UserName)), cancellationToken);

    /// <summary>
    /// The frame of every change to an existing account: the administrator (or, where <paramref name="allowSelf"/>, the
    /// account's own user; anyone else is forbidden whether the account exists or not), a short-lived UserManager
    /// scope, one transaction on the scope's context for the change and its audit row; <paramref name="change"/> says
    /// whether it was refused (nothing is kept), changed nothing (no audit row) or what it did.
    /// </summary>
    internal async Task<Outcome<UserView>> ChangeUserAsync(
        Caller caller,
        string userId,
        bool allowSelf,
        AuditAction action,
        Func<UserManager<PortalUser>, PortalUser, Task<Change>> change,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var administrator = AccessPolicy.CanManageUsers(caller);
        if (!administrator && !allowSelf)
        {
            return AllocationError.Forbidden();
        }

        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var db = scope.ServiceProvider.GetRequiredService<AllocationDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
            if (!administrator && (user is null || user.NormalizedUserName != users.NormalizeName(caller.UserName)))
            {
                return AllocationError.Forbidden();
            }

            if (user is null)
            {
                return AllocationError.UserNotFound();
            }

            var done = await change(users, user);
            if (done.Refusal is { } refusal)
            {
                return refusal;
            }

            if (done.Description is { } description)
            {
                await AuditTrail.AppendAsync(db, AccountEvent(caller, action, description), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                logger.LogWarning("Account change {Action} of user {UserName} by {Caller}", action, user.UserName, caller.UserName);
            }
        }

        await using var read = await contextFactory.CreateDbContextAsync(cancellationToken);
        return (await ViewsAsync(read, userId, cancellationToken)).Single();
    }

    /// <summary>An account concerns no plan and no unit of a plan: its row has neither, and says in words what changed.</summary>
    private AuditEntry AccountEvent(Caller caller, AuditAction action, string description) =>
        AuditEntry.Event(null, null, caller.UserName, clock.GetUtcNow().UtcDateTime, action, description, Guid.NewGuid());

    /// <summary>The role by its exact name (any case); numbers and unknown names are refused.</summary>
    public static PortalRole? ParseRole(string? role) =>
        Enum.GetValues<PortalRole>().Select(r => (PortalRole?)r).FirstOrDefault(r => string.Equals(r.ToString(), role?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// District officers work in a district committee, viewers in any unit; the administrator and the auditor in none.
    /// Gives the refusal, or the scope unit's name for the audit row.
    /// </summary>
    private async Task<(AllocationError? Refusal, string? UnitName)> CheckScopeAsync(PortalRole role, int? scopeUnitId, CancellationToken cancellationToken)
    {
        if (!AccessPolicy.NeedsScope(role))
        {
            return (scopeUnitId is null ? null : AllocationError.ScopeNotAllowed(), null);
        }

        if (scopeUnitId is not { } unitId)
        {
            return (AllocationError.ScopeRequired(), null);
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var unit = await db.Units.Where(u => u.Id == unitId).Select(u => new { u.Kind, u.Name }).SingleOrDefaultAsync(cancellationToken);
        return unit switch
        {
            null => (AllocationError.InvalidScope(), null),
            { Kind: not UnitKind.DistrictCommittee } when role == PortalRole.DistrictOfficer => (AllocationError.InvalidScope(), null),
            _ => (null, unit.Name),
        };
    }

    private static async Task<List<UserView>> ViewsAsync(AllocationDbContext db, string? userId, CancellationToken cancellationToken)
    {
        var accounts = await db.Users.AsNoTracking()
            .Where(u => userId == null || u.Id == userId)
            .OrderBy(u => u.UserName)
            .Select(u => new { u.Id, u.UserName, u.ScopeUnitId, u.LockoutEnd, u.FullName, u.Position, u.PhoneNumber, u.Email, u.LastSignInAt, u.MustChangePassword, u.TwoFactorEnabled })
            .ToListAsync(cancellationToken);
        var ids = accounts.Select(a => a.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var roleOf = roles.GroupBy(r => r.UserId).ToDictionary(g => g.Key, g => g.Select(r => ParseRole(r.Name)).FirstOrDefault(r => r is not null));
        var unitIds = accounts.Where(a => a.ScopeUnitId is not null).Select(a => a.ScopeUnitId!.Value).Distinct().ToList();
        var unitNames = await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        return accounts.Select(a => new UserView(
                a.Id,
                a.UserName ?? string.Empty,
                roleOf.GetValueOrDefault(a.Id),
                a.ScopeUnitId,
                a.ScopeUnitId is { } unit ? unitNames.GetValueOrDefault(unit) : null,
                IsDisabled(a.LockoutEnd),
                a.FullName,
                a.Position,
                a.PhoneNumber,
                a.Email,
                a.LastSignInAt,
                a.MustChangePassword,
                a.TwoFactorEnabled))
            .ToList();
    }

    /// <summary>Identity's errors as the portal's refusals: any password rule is "too weak", since only length is required.</summary>
    private static AllocationError Refusal(IdentityResult result, UserManager<PortalUser> users)
    {
        var codes = result.Errors.Select(e => e.Code).ToList();
        if (codes.Exists(c => c.StartsWith("Password", StringComparison.Ordinal)))
        {
            return AllocationError.WeakPassword(users.Options.Password.RequiredLength);
        }

        if (codes.Contains(nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            return AllocationError.DuplicateUser();
        }

        if (codes.Contains(nameof(IdentityErrorDescriber.InvalidUserName)))
        {
            return AllocationError.InvalidUserName();
        }

        throw new InvalidOperationException("Identity refused the account: " + Describe(result));
    }

    private static void Check(IdentityResult result, PortalUser user)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not update user {user.UserName}: " + Describe(result));
        }
    }

    private static string Describe(IdentityResult result) => string.Join("; ", result.Errors.Select(e => $"{e.Code}: {e.Description}"));
}
