using LicenseAllocation.Application.Access;
using LicenseAllocation.Application.Data;
using LicenseAllocation.Application.Identity;
using LicenseAllocation.Application.Requests;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LicenseAllocation.Web.Tests.Access;

/// <summary>A portal with one user per role, scoped to Thành phố Cao Lãnh where a role has a scope.</summary>
public sealed class MatrixPortal : IAsyncLifetime
{
    public const string Password = "mật khẩu ma trận quyền";

    private readonly Dictionary<MatrixRole, string> _tokens = [];

    public PortalFactory Portal { get; } = new();

    /// <summary>A commune inside the scope (Phường 11, Cao Lãnh) and one outside it (Phường 3, Sa Đéc).</summary>
    public int InsideUnit { get; private set; }

    public int OutsideUnit { get; private set; }

    /// <summary>Another commune of the same district as <see cref="InsideUnit"/>, and of <see cref="OutsideUnit"/>.</summary>
    public int InsideSibling { get; private set; }

    public int OutsideSibling { get; private set; }

    public int ScopeDistrict { get; private set; }

    public int OutsideDistrict { get; private set; }

    /// <summary>A request of the inside commune made by the viewer, and one of the outside commune made by a viewer there.</summary>
    public long InsideRequest { get; private set; }

    public long OutsideRequest { get; private set; }

    /// <summary>An account that user-management calls may disable and reset freely.</summary>
    public string TargetUserId { get; private set; } = string.Empty;

    public async ValueTask InitializeAsync()
    {
        _ = Portal.Server;
        await using var scope = Portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AllocationDbContext>();
        ScopeDistrict = await db.Units.Where(u => u.Code == "866").Select(u => u.Id).SingleAsync();
        OutsideDistrict = await db.Units.Where(u => u.Code == "867").Select(u => u.Id).SingleAsync();
        InsideUnit = await db.Units.Where(u => u.Code == "29863").Select(u => u.Id).SingleAsync();
        OutsideUnit = await db.Units.Where(u => u.Code == "29902").Select(u => u.Id).SingleAsync();

        InsideSibling = await db.Units.Where(u => u.ParentId == ScopeDistrict && u.Id != InsideUnit).Select(u => u.Id).FirstAsync();
        OutsideSibling = await db.Units.Where(u => u.ParentId == OutsideDistrict && u.Id != OutsideUnit).Select(u => u.Id).FirstAsync();
        var requests = scope.ServiceProvider.GetRequiredService<RequestService>();
        InsideRequest = (await requests.SubmitAsync(new Caller("matrix-viewer", PortalRole.UnitViewer, ScopeDistrict), new SubmitRequest(1, InsideUnit, 2, "Kiểm tra phân quyền"))).Value!.Id;
        OutsideRequest = (await requests.SubmitAsync(new Caller("matrix-outsider", PortalRole.UnitViewer, OutsideDistrict), new SubmitRequest(1, OutsideUnit, 2, "Kiểm tra phân quyền"))).Value!.Id;

        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        await CreateAsync(users, "matrix-officer", PortalRole.DistrictOfficer, ScopeDistrict);
        await CreateAsync(users, "matrix-viewer", PortalRole.UnitViewer, ScopeDistrict);
        await CreateAsync(users, "matrix-auditor", PortalRole.Auditor, null);
        TargetUserId = (await CreateAsync(users, "matrix-target", PortalRole.UnitViewer, InsideUnit)).Id;

        _tokens[MatrixRole.ProvinceAdmin] = await Portal.TokenAsync("admin", PortalFactory.AdminPassword);
        _tokens[MatrixRole.DistrictOfficer] = await Portal.TokenAsync("matrix-officer", Password);
        _tokens[MatrixRole.UnitViewer] = await Portal.TokenAsync("matrix-viewer", Password);
        _tokens[MatrixRole.Auditor] = await Portal.TokenAsync("matrix-auditor", Password);
    }

    public string? TokenOf(MatrixRole role) => _tokens.GetValueOrDefault(role);

    public async ValueTask DisposeAsync() => await Portal.DisposeAsync();

    private static async Task<PortalUser> CreateAsync(UserManager<PortalUser> users, string name, PortalRole role, int? scope)
    {
        var user = new PortalUser { UserName = name, ScopeUnitId = scope };
        (await users.CreateAsync(user, Password)).Succeeded.ShouldBeTrueOrThrow();
        (await users.AddToRoleAsync(user, role.ToString())).Succeeded.ShouldBeTrueOrThrow();
        return user;
    }
}

public enum MatrixRole
{
    Anonymous,
    ProvinceAdmin,
    DistrictOfficer,
    UnitViewer,
    Auditor,
}

internal static class IdentityResultChecks
{
    public static void ShouldBeTrueOrThrow(this bool succeeded)
    {
        if (!succeeded)
        {
            throw new InvalidOperationException("Could not set up a matrix user.");
        }
    }
}
