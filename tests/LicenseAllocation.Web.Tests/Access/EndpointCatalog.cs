using System.Net.Http.Headers;
using System.Net.Http.Json;
using LicenseAllocation.Application.Import;

namespace LicenseAllocation.Web.Tests.Access;

/// <summary>What a role may do at an endpoint, for a target inside or outside its scope.</summary>
public enum Expect
{
    /// <summary>Not refused for access reasons: any status but 401 and 403.</summary>
    Allowed,

    /// <summary>403 with code <c>forbidden</c>: the role may never do this.</summary>
    Forbidden,

    /// <summary>403 with code <c>out-of-scope</c>: the role may, but not there.</summary>
    OutOfScope,

    /// <summary>403 with code <c>decided-by-district</c>: the province administrator, for what a district's officer decides.</summary>
    DecidedByDistrict,
}

/// <summary>How to call one endpoint at a target unit, and what each role must get.</summary>
public sealed record EndpointCase(Func<MatrixPortal, bool, HttpRequestMessage> Request, Func<MatrixRole, bool, Expect> Expectation);

/// <summary>
/// Every /api/v1 endpoint must have an entry here: the matrix test lists the application's endpoints and fails on any
/// that is missing, so a new endpoint cannot escape the access check.
/// </summary>
public static class EndpointCatalog
{
    /// <summary>Endpoints anyone may call.</summary>
    public static readonly IReadOnlySet<string> Public = new HashSet<string> { "POST api/v1/auth/token" };

    /// <summary>Probes outside the API that a load balancer or service manager calls without signing in.</summary>
    public static readonly IReadOnlySet<string> Anonymous = new HashSet<string> { "GET healthz", "GET healthz/live", "GET healthz/ready" };

    public static readonly IReadOnlyDictionary<string, EndpointCase> Cases = new Dictionary<string, EndpointCase>
    {
        ["GET api/v1/plans"] = new((_, _) => Get("/api/v1/plans"), (_, _) => Expect.Allowed),

        // Everyone may list; the service filters what a scoped role sees (checked by the scope tests).
        ["GET api/v1/plans/{planId:int}/units"] = new((_, _) => Get("/api/v1/plans/1/units"), (_, _) => Expect.Allowed),

        // Plan 1 is a draft here: its appendix is for the roles that read the whole plan; the scoped roles are out of
        // scope wherever their unit is (a published appendix is every reader's: checked by AppendixApiTests).
        ["GET api/v1/plans/{planId:int}/appendix.xlsx"] = new((_, _) => Get("/api/v1/plans/1/appendix.xlsx"), WholePlanReaders),
        ["GET api/v1/plans/{planId:int}/appendix.pdf"] = new((_, _) => Get("/api/v1/plans/1/appendix.pdf"), WholePlanReaders),

        // Every reader gets a workbook: the province and the auditor of every district or unit, the officer and the
        // viewer (both scoped to Cao Lãnh here) of their own district and its units (checked by ExportApiTests).
        ["GET api/v1/plans/{planId:int}/districts.xlsx"] = new((_, _) => Get("/api/v1/plans/1/districts.xlsx"), (_, _) => Expect.Allowed),
        ["GET api/v1/plans/{planId:int}/districts.pdf"] = new((_, _) => Get("/api/v1/plans/1/districts.pdf"), (_, _) => Expect.Allowed),
        ["GET api/v1/plans/{planId:int}/export.xlsx"] = new((_, _) => Get("/api/v1/plans/1/export.xlsx"), (_, _) => Expect.Allowed),

        // One district's workbook: for the whole-province roles, or a scoped role inside its own district.
        ["GET api/v1/plans/{planId:int}/districts/{districtUnitId:int}.xlsx"] = new(
            (portal, inside) => Get($"/api/v1/plans/1/districts/{District(portal, inside)}.xlsx"),
            ScopedReaders),
        // Every reader sees a plan, its versions compared and their export; the comparison is filtered to the caller's scope.
        ["GET api/v1/plans/{planId:int}"] = new((_, _) => Get("/api/v1/plans/1"), (_, _) => Expect.Allowed),
        ["GET api/v1/plans/{planId:int}/progress"] = new((_, _) => Get("/api/v1/plans/1/progress"), (_, _) => Expect.Allowed),
        ["GET api/v1/plans/{planId:int}/compare/{otherPlanId:int}"] = new((_, _) => Get("/api/v1/plans/1/compare/1"), (_, _) => Expect.Allowed),
        ["GET api/v1/plans/{planId:int}/compare/{otherPlanId:int}/export.xlsx"] = new(
            (_, _) => Get("/api/v1/plans/1/compare/1/export.xlsx"), (_, _) => Expect.Allowed),

        // The plan's life cycle is the province administrator's alone. The allowed calls are refused for their content
        // (a date in the wrong form, a draft that cannot be amended, a year out of range, a term that ends before it
        // starts), so the matrix never publishes, amends, copies or describes the plan the other cases run on.
        ["POST api/v1/plans/{planId:int}/publish"] = new(
            (_, _) => Json(HttpMethod.Post, "/api/v1/plans/1/publish", new { documentNumber = "12/STTTT-CNTT", documentDate = "05/01/2021", signer = "Giám đốc" }),
            AdministratorOnly),
        // Decisions by level: the province administrator for every level, a district officer for its own district's.
        // The allowed calls are refused for their content (a date in the wrong form, a level not yet published), so the
        // matrix never publishes or reopens a level. A level's draft appendix is for the whole plan's readers and the
        // readers within that unit; a published one every reader's (DecisionApiTests).
        ["GET api/v1/plans/{planId:int}/decisions"] = new((_, _) => Get("/api/v1/plans/1/decisions"), (_, _) => Expect.Allowed),
        ["POST api/v1/plans/{planId:int}/decisions/{issuingUnitId:int}/publish"] = new(
            (portal, inside) => Json(HttpMethod.Post, $"/api/v1/plans/1/decisions/{District(portal, inside)}/publish", new { documentNumber = "15/QĐ-UBND", documentDate = "05/01/2021", signer = "Chủ tịch" }),
            QuantityEditors),
        ["POST api/v1/plans/{planId:int}/decisions/{issuingUnitId:int}/amend"] = new(
            (portal, inside) => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/plans/1/decisions/{District(portal, inside)}/amend"),
            QuantityEditors),
        ["GET api/v1/plans/{planId:int}/decisions/{issuingUnitId:int}/appendix.xlsx"] = new(
            (portal, inside) => Get($"/api/v1/plans/1/decisions/{District(portal, inside)}/appendix.xlsx"),
            ScopedReaders),
        ["GET api/v1/plans/{planId:int}/decisions/{issuingUnitId:int}/appendix.pdf"] = new(
            (portal, inside) => Get($"/api/v1/plans/1/decisions/{District(portal, inside)}/appendix.pdf"),
            ScopedReaders),
        ["POST api/v1/plans/{planId:int}/amendments"] = new((_, _) => new HttpRequestMessage(HttpMethod.Post, "/api/v1/plans/1/amendments"), AdministratorOnly),
        ["POST api/v1/plans/{planId:int}/copies"] = new(
            (_, _) => Json(HttpMethod.Post, "/api/v1/plans/1/copies", new { name = "Kế hoạch kiểm tra phân quyền", year = 1999 }),
            AdministratorOnly),
        ["PUT api/v1/plans/{planId:int}/product"] = new(
            (_, _) => Json(HttpMethod.Put, "/api/v1/plans/1/product", new
            {
                productName = "Phần mềm kiểm tra",
                licenceTermStart = "2021-03-01",
                licenceTermEnd = "2021-02-01",
            }),
            AdministratorOnly),

        // Setting a commune to the 0 it already holds: allowed calls change nothing, so the matrix leaves no trace.
        ["PUT api/v1/plans/{planId:int}/units/{unitId:int}/quantity"] = new(
            (portal, inside) => new HttpRequestMessage(HttpMethod.Put, $"/api/v1/plans/1/units/{Unit(portal, inside)}/quantity")
            {
                Content = JsonContent.Create(new { quantity = 0, reason = "Kiểm tra phân quyền" }),
            },
            QuantityEditors),

        ["PUT api/v1/plans/{planId:int}/quantities"] = new(
            (portal, inside) => Json(HttpMethod.Put, "/api/v1/plans/1/quantities", new
            {
                reason = "Kiểm tra phân quyền",
                items = new[] { new { unitId = Unit(portal, inside), quantity = 0 } },
            }),
            QuantityEditors),

        // Reactivating an active commune changes nothing.
        ["PATCH api/v1/plans/{planId:int}/units/{unitId:int}"] = new(
            (portal, inside) => Json(HttpMethod.Patch, $"/api/v1/plans/1/units/{Unit(portal, inside)}", new { active = true }),
            QuantityEditors),

        ["POST api/v1/plans/{planId:int}/units"] = new(
            (portal, inside) => Json(HttpMethod.Post, "/api/v1/plans/1/units", new
            {
                parentUnitId = District(portal, inside),
                name = $"Đơn vị kiểm tra {Guid.NewGuid():N}",
                kind = "DistrictAgency",
            }),
            QuantityEditors),

        ["POST api/v1/plans/{planId:int}/units/{unitId:int}/standard-agencies"] = new(
            (portal, inside) => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/plans/1/units/{District(portal, inside)}/standard-agencies"),
            QuantityEditors),

        // A template shows what its reader may see: anyone inside the unit's subtree, the province everywhere.
        ["GET api/v1/plans/{planId:int}/units/{unitId:int}/template.xlsx"] = new(
            (portal, inside) => Get($"/api/v1/plans/1/units/{District(portal, inside)}/template.xlsx"), ScopedReaders),

        // A dry run of a district's template: allowed calls change nothing.
        ["POST api/v1/plans/{planId:int}/imports"] = new(
            (portal, inside) => new HttpRequestMessage(HttpMethod.Post, "/api/v1/plans/1/imports?dryRun=true") { Content = TemplateUpload(District(portal, inside)) },
            QuantityEditors),

        // Needs: a figure of -1 is refused for its content once the caller may state it, so the matrix writes nothing.
        ["PUT api/v1/plans/{planId:int}/units/{unitId:int}/need"] = new(
            (portal, inside) => Json(HttpMethod.Put, $"/api/v1/plans/1/units/{Unit(portal, inside)}/need", new { computers = -1 }),
            NeedEditors),
        ["PUT api/v1/plans/{planId:int}/needs"] = new(
            (portal, inside) => Json(HttpMethod.Put, "/api/v1/plans/1/needs", new { reason = "Kiểm tra phân quyền", items = new[] { new { unitId = Unit(portal, inside), computers = -1 } } }),
            NeedEditors),
        ["POST api/v1/plans/{planId:int}/units/{unitId:int}/split-suggestion"] = new(
            (portal, inside) => Json(HttpMethod.Post, $"/api/v1/plans/1/units/{District(portal, inside)}/split-suggestion", new { basis = "even" }),
            ScopedReaders),
        ["GET api/v1/plans/{planId:int}/coverage.xlsx"] = new((portal, inside) => Get($"/api/v1/plans/1/coverage.xlsx?unitId={Unit(portal, inside)}"), ScopedReaders),
        ["GET api/v1/plans/{planId:int}/coverage"] = new((portal, inside) => Get($"/api/v1/plans/1/coverage?unitId={Unit(portal, inside)}"), ScopedReaders),

        // Purchases: a quantity of 0 is refused for its content once the caller may record for the unit, so nothing is written.
        ["POST api/v1/plans/{planId:int}/units/{unitId:int}/purchases"] = new(
            (portal, inside) => Json(HttpMethod.Post, $"/api/v1/plans/1/units/{Unit(portal, inside)}/purchases", new
            {
                productName = "Phần mềm kiểm tra",
                quantity = 0,
                contractNumber = "01/HĐ",
                contractDate = "2021-02-01",
                termStart = "2021-03-01",
                termEnd = "2022-03-01",
            }),
            NeedEditors),
        ["GET api/v1/plans/{planId:int}/units/{unitId:int}/purchases"] = new((portal, inside) => Get($"/api/v1/plans/1/units/{Unit(portal, inside)}/purchases"), ScopedReaders),

        // No purchase exists in the matrix's portal: every role that may cancel gets 404, the auditor 403 forbidden. The
        // scopes of a cancellation are checked on real purchases by the application's PurchaseServiceTests.
        ["POST api/v1/purchases/{id:long}/cancel"] = new(
            (_, _) => Json(HttpMethod.Post, "/api/v1/purchases/999999/cancel", new { reason = "Kiểm tra phân quyền" }),
            (role, _) => role == MatrixRole.Auditor ? Expect.Forbidden : Expect.Allowed),
        // Console reports: the mappings and the groups are the province's (read by the auditor too); the import is the
        // administrator's (a dry run changes nothing); the picture is every reader's, a scoped role's inside its scope.
        ["GET api/v1/deployments/mappings"] = new((_, _) => Get("/api/v1/deployments/mappings"), WholeProvinceReaders),
        ["PUT api/v1/deployments/mappings/{name}"] = new(
            (_, _) => Json(HttpMethod.Put, "/api/v1/deployments/mappings/Ki%E1%BB%83m%20tra", new
            {
                columns = new { deviceId = "Mã", deviceName = "Tên máy", group = "Nhóm", product = "Sản phẩm" },
                delimiter = ";",
            }),
            AdministratorOnly),
        ["POST api/v1/deployments/mappings/{name}/rename"] = new(
            (_, _) => Json(HttpMethod.Post, "/api/v1/deployments/mappings/Kh%C3%B4ng%20c%C3%B3/rename", new { name = "Mẫu mới" }), AdministratorOnly),
        ["DELETE api/v1/deployments/mappings/{name}"] = new(
            (_, _) => new HttpRequestMessage(HttpMethod.Delete, "/api/v1/deployments/mappings/Kh%C3%B4ng%20c%C3%B3"), AdministratorOnly),
        ["GET api/v1/deployments/groups"] = new((_, _) => Get("/api/v1/deployments/groups"), WholeProvinceReaders),
        ["PUT api/v1/deployments/groups"] = new((_, _) => Json(HttpMethod.Put, "/api/v1/deployments/groups", new { items = Array.Empty<object>() }), AdministratorOnly),
        ["POST api/v1/plans/{planId:int}/deployments/imports"] = new(
            (_, _) => new HttpRequestMessage(HttpMethod.Post, "/api/v1/plans/1/deployments/imports?dryRun=true") { Content = ConsoleReportUpload() },
            AdministratorOnly),
        ["GET api/v1/plans/{planId:int}/deployment"] = new((portal, inside) => Get($"/api/v1/plans/1/deployment?unitId={District(portal, inside)}"), ScopedReaders),
        ["GET api/v1/plans/{planId:int}/deployment.xlsx"] = new((portal, inside) => Get($"/api/v1/plans/1/deployment.xlsx?unitId={District(portal, inside)}"), ScopedReaders),

        // User management is the province administrator's alone, wherever the account works.
        // Reorganisations are public administrative facts: every reader sees them.
        ["GET api/v1/reorganisations"] = new((_, _) => Get("/api/v1/reorganisations"), (_, _) => Expect.Allowed),
        ["GET api/v1/reorganisations/{reorganisationId:int}"] = new((_, _) => Get("/api/v1/reorganisations/1"), (_, _) => Expect.Allowed),
        ["POST api/v1/plans/{planId:int}/successors"] = new(
            (_, _) => Json(HttpMethod.Post, "/api/v1/plans/1/successors?dryRun=true", new { reorganisationId = 1 }),
            AdministratorOnly),
        // Another reorganisation from a file is the administrator's alone: a dry run of a valid file, so allowed calls record nothing.
        ["POST api/v1/reorganisations/imports"] = new(
            (_, _) => new HttpRequestMessage(HttpMethod.Post, "/api/v1/reorganisations/imports?dryRun=true") { Content = ReorganisationUpload() },
            AdministratorOnly),
        ["GET api/v1/reorganisations/imports/template.xlsx"] = new((_, _) => Get("/api/v1/reorganisations/imports/template.xlsx"), (_, _) => Expect.Allowed),
        ["GET api/v1/units/{unitId:int}/lineage"] = new((portal, inside) => Get($"/api/v1/units/{Unit(portal, inside)}/lineage"), (_, _) => Expect.Allowed),
        ["GET api/v1/users"] = new((_, _) => Get("/api/v1/users"), AdministratorOnly),
        ["GET api/v1/users/{id}"] = new((portal, _) => Get($"/api/v1/users/{portal.TargetUserId}"), AdministratorOnly),
        ["POST api/v1/users"] = new(
            (portal, inside) => Json(HttpMethod.Post, "/api/v1/users", new
            {
                userName = $"matrix-{Guid.NewGuid():N}",
                password = MatrixPortal.Password,
                role = "UnitViewer",
                scopeUnitId = Unit(portal, inside),
            }),
            AdministratorOnly),
        ["POST api/v1/users/{id}/disable"] = new((portal, _) => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/users/{portal.TargetUserId}/disable"), AdministratorOnly),
        ["POST api/v1/users/{id}/password"] = new(
            (portal, _) => Json(HttpMethod.Post, $"/api/v1/users/{portal.TargetUserId}/password", new { password = "một mật khẩu mới đủ dài" }),
            AdministratorOnly),
        ["PUT api/v1/users/{id}"] = new(
            (portal, _) => Json(HttpMethod.Put, $"/api/v1/users/{portal.TargetUserId}", new
            {
                fullName = "Người kiểm tra phân quyền",
                position = "Chuyên viên",
                phone = "0277 3851 234",
                email = "kiem-tra@dongthap.gov.vn",
                scopeUnitId = portal.InsideUnit,
            }),
            AdministratorOnly),
        // Another account's address: the administrator's alone (a user's own is checked by AccountApiTests).
        ["PUT api/v1/users/{id}/email"] = new(
            (portal, _) => Json(HttpMethod.Put, $"/api/v1/users/{portal.TargetUserId}/email", new { email = "kiem-tra@dongthap.gov.vn" }),
            AdministratorOnly),
        ["POST api/v1/users/{id}/enable"] = new((portal, _) => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/users/{portal.TargetUserId}/enable"), AdministratorOnly),

        // Accounts from a workbook: a dry run of one viewer, so allowed calls create nothing.
        ["POST api/v1/users/imports"] = new(
            (portal, inside) => new HttpRequestMessage(HttpMethod.Post, "/api/v1/users/imports?dryRun=true") { Content = AccountsUpload(Unit(portal, inside)) },
            AdministratorOnly),

        // Every signed-in user reads and edits their own account.
        ["GET api/v1/account"] = new((_, _) => Get("/api/v1/account"), (_, _) => Expect.Allowed),
        ["PUT api/v1/account"] = new((_, _) => Json(HttpMethod.Put, "/api/v1/account", new { fullName = "Người kiểm tra" }), (_, _) => Expect.Allowed),
        // A wrong current password: every role may try (and is refused for the content), nothing changes.
        ["POST api/v1/account/password"] = new(
            (_, _) => Json(HttpMethod.Post, "/api/v1/account/password", new { currentPassword = "không phải mật khẩu", newPassword = "một mật khẩu mới đủ dài" }),
            (_, _) => Expect.Allowed),

        // Every signed-in user sets up their own two-factor sign-in; a code no app makes is refused for the content, nothing changes.
        ["GET api/v1/account/two-factor"] = new((_, _) => Get("/api/v1/account/two-factor"), (_, _) => Expect.Allowed),
        ["POST api/v1/account/two-factor"] = new((_, _) => Json(HttpMethod.Post, "/api/v1/account/two-factor", new { code = "abc" }), (_, _) => Expect.Allowed),
        ["POST api/v1/account/two-factor/recovery-codes"] = new(
            (_, _) => Json(HttpMethod.Post, "/api/v1/account/two-factor/recovery-codes", new { code = "abc" }), (_, _) => Expect.Allowed),
        ["POST api/v1/account/two-factor/disable"] = new(
            (_, _) => Json(HttpMethod.Post, "/api/v1/account/two-factor/disable", new { code = "abc" }), (_, _) => Expect.Allowed),
        // Removing another account's two-factor (a lost phone) is the administrator's alone.
        ["DELETE api/v1/users/{id}/two-factor"] = new((portal, _) => new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/users/{portal.TargetUserId}/two-factor"), AdministratorOnly),

        // The trail of a unit and its subtree: every role reads it, scoped roles only inside their scope.
        ["GET api/v1/plans/{planId:int}/audit"] = new((portal, inside) => Get($"/api/v1/plans/1/audit?unitId={Unit(portal, inside)}"), AuditReaders),
        ["GET api/v1/plans/{planId:int}/audit.xlsx"] = new((portal, inside) => Get($"/api/v1/plans/1/audit.xlsx?unitId={Unit(portal, inside)}"), AuditReaders),
        ["GET api/v1/audit"] = new((portal, inside) => Get($"/api/v1/audit?unitId={Unit(portal, inside)}"), AuditReaders),
        ["GET api/v1/audit.xlsx"] = new((portal, inside) => Get($"/api/v1/audit.xlsx?unitId={Unit(portal, inside)}"), AuditReaders),
        ["GET api/v1/plans/{planId:int}/units/{unitId:int}/history"] = new((portal, inside) => Get($"/api/v1/plans/1/units/{Unit(portal, inside)}/history"), AuditReaders),

        // Requests: a unit's officers ask for a unit in scope; the province asks nothing of itself. Every reader lists
        // (filtered to the scope) and reads a request of a unit in scope.
        ["POST api/v1/plans/{planId:int}/requests"] = new(
            (portal, inside) => Json(HttpMethod.Post, "/api/v1/plans/1/requests", new { unitId = Unit(portal, inside), quantity = 1, justification = "Kiểm tra phân quyền" }),
            Requesters),
        ["GET api/v1/plans/{planId:int}/requests"] = new((_, _) => Get("/api/v1/plans/1/requests?toDecide=true"), (_, _) => Expect.Allowed),
        ["GET api/v1/requests/{id:long}"] = new((portal, inside) => Get($"/api/v1/requests/{Request(portal, inside)}"), ScopedReaders),

        // A commune's request is the district officer's to decide, not the province's. The allowed call grants less than
        // asked without a comment and is refused for that (400), so nothing is posted.
        ["POST api/v1/requests/{id:long}/decision"] = new(
            (portal, inside) => Json(HttpMethod.Post, $"/api/v1/requests/{Request(portal, inside)}/decision", new { approvedQuantity = 0 }),
            (role, inside) => role switch
            {
                MatrixRole.ProvinceAdmin => Expect.DecidedByDistrict,
                MatrixRole.DistrictOfficer => inside ? Expect.Allowed : Expect.OutOfScope,
                _ => Expect.Forbidden,
            }),

        // Only the requester (the viewer, inside) withdraws; the officer of the district may read it but did not ask.
        ["POST api/v1/requests/{id:long}/withdraw"] = new(
            (portal, inside) => new HttpRequestMessage(HttpMethod.Post, $"/api/v1/requests/{Request(portal, inside)}/withdraw"),
            (role, inside) => role switch
            {
                MatrixRole.UnitViewer => inside ? Expect.Allowed : Expect.OutOfScope,
                MatrixRole.DistrictOfficer => inside ? Expect.Forbidden : Expect.OutOfScope,
                _ => Expect.Forbidden,
            }),

        // A move of more than the source has free (source-has-no-room, 409) and a return of more than the commune holds
        // (below-handed-on, 409): allowed calls change nothing. A move is made by whoever may change both units; a return
        // by the unit's own officers and the province.
        ["POST api/v1/plans/{planId:int}/transfers"] = new(
            (portal, inside) => Json(HttpMethod.Post, "/api/v1/plans/1/transfers", new
            {
                fromUnitId = Unit(portal, inside),
                toUnitId = inside ? portal.InsideSibling : portal.OutsideSibling,
                quantity = 1_000_000,
                reason = "Kiểm tra phân quyền",
            }),
            QuantityEditors),
        ["POST api/v1/plans/{planId:int}/units/{unitId:int}/return"] = new(
            (portal, inside) => Json(HttpMethod.Post, $"/api/v1/plans/1/units/{Unit(portal, inside)}/return", new { quantity = 1_000_000, reason = "Kiểm tra phân quyền" }),
            (role, inside) => role switch
            {
                MatrixRole.ProvinceAdmin => Expect.Allowed,
                MatrixRole.DistrictOfficer or MatrixRole.UnitViewer => inside ? Expect.Allowed : Expect.OutOfScope,
                _ => Expect.Forbidden,
            }),

        // Everyone reads and marks their own inbox; another account's notification is not found (404), never shown.
        ["GET api/v1/notifications"] = new((_, _) => Get("/api/v1/notifications?unread=true"), (_, _) => Expect.Allowed),
        ["POST api/v1/notifications/{id:long}/read"] = new((_, _) => new HttpRequestMessage(HttpMethod.Post, "/api/v1/notifications/1/read"), (_, _) => Expect.Allowed),

        // The API reference page and its assets: any signed-in user, nobody anonymous.
        ["GET api/docs/{documentName?}"] = new((_, _) => Get("/api/docs/"), (_, _) => Expect.Allowed),
        ["GET api/docs/scalar.js"] = new((_, _) => Get("/api/docs/scalar.js"), (_, _) => Expect.Allowed),
        ["GET api/docs/scalar.aspnetcore.js"] = new((_, _) => Get("/api/docs/scalar.aspnetcore.js"), (_, _) => Expect.Allowed),
        ["GET api/docs/favicon.svg"] = new((_, _) => Get("/api/docs/favicon.svg"), (_, _) => Expect.Allowed),

        // The integrity check reads the whole chain: only the roles that see all of it.
        ["GET api/v1/audit/verify"] = new((_, _) => Get("/api/v1/audit/verify"), WholeProvinceReaders),
    };

    /// <summary>The province administrator everywhere, a district officer inside the district; readers never. The same
    /// holds for quantities and for the units under a district.</summary>
    public static Expect QuantityEditors(MatrixRole role, bool inside) => role switch
    {
        MatrixRole.ProvinceAdmin => Expect.Allowed,
        MatrixRole.DistrictOfficer => inside ? Expect.Allowed : Expect.OutOfScope,
        _ => Expect.Forbidden,
    };

    /// <summary>
    /// Needs and self-purchases: the province administrator everywhere, a district officer inside the district, a unit
    /// viewer on their own unit only (here the district, so a commune is out of scope inside and outside alike), the
    /// auditor never.
    /// </summary>
    public static Expect NeedEditors(MatrixRole role, bool inside) => role switch
    {
        MatrixRole.ProvinceAdmin => Expect.Allowed,
        MatrixRole.DistrictOfficer => inside ? Expect.Allowed : Expect.OutOfScope,
        MatrixRole.UnitViewer => Expect.OutOfScope,
        _ => Expect.Forbidden,
    };

    /// <summary>Every role reads; the province administrator and the auditor everywhere, the scoped roles inside their scope.</summary>
    public static Expect ScopedReaders(MatrixRole role, bool inside) => role switch
    {
        MatrixRole.ProvinceAdmin or MatrixRole.Auditor => Expect.Allowed,
        _ => inside ? Expect.Allowed : Expect.OutOfScope,
    };

    /// <summary>The administrator and the auditor; the scoped roles are out of scope inside and outside their unit alike.</summary>
    public static Expect WholePlanReaders(MatrixRole role, bool inside) =>
        role is MatrixRole.ProvinceAdmin or MatrixRole.Auditor ? Expect.Allowed : Expect.OutOfScope;

    /// <summary>A unit's own officers (a viewer, a district officer) inside their scope; the whole-province roles never ask.</summary>
    public static Expect Requesters(MatrixRole role, bool inside) => role switch
    {
        MatrixRole.UnitViewer or MatrixRole.DistrictOfficer => inside ? Expect.Allowed : Expect.OutOfScope,
        _ => Expect.Forbidden,
    };

    public static Expect AdministratorOnly(MatrixRole role, bool inside) => role == MatrixRole.ProvinceAdmin ? Expect.Allowed : Expect.Forbidden;

    /// <summary>The administrator and the auditor everywhere; a district officer and a unit viewer inside their scope.</summary>
    public static Expect AuditReaders(MatrixRole role, bool inside) => role switch
    {
        MatrixRole.ProvinceAdmin or MatrixRole.Auditor => Expect.Allowed,
        _ => inside ? Expect.Allowed : Expect.OutOfScope,
    };

    public static Expect WholeProvinceReaders(MatrixRole role, bool inside) =>
        role is MatrixRole.ProvinceAdmin or MatrixRole.Auditor ? Expect.Allowed : Expect.Forbidden;

    public static int Unit(MatrixPortal portal, bool inside) => inside ? portal.InsideUnit : portal.OutsideUnit;

    public static long Request(MatrixPortal portal, bool inside) => inside ? portal.InsideRequest : portal.OutsideRequest;

    public static int District(MatrixPortal portal, bool inside) => inside ? portal.ScopeDistrict : portal.OutsideDistrict;

    /// <summary>A multipart upload of a small Kaspersky Security Center report, as the deployment import page sends it.</summary>
    public static MultipartFormDataContent ConsoleReportUpload()
    {
        var csv = "KLLICSRV_HOSTNAME,KLLICSRV_HOSTDN,KLLICSRV_HOST_GRPNAME,KLLICSRV_PRODUCT,KLLICSRV_VERSION,KLHST_WKS_LAST_VISIBLE,KLLICSRV_HOST_CURRENT\r\n"
            + "a-1,PC-1,Huyện Cao Lãnh,Kaspersky Endpoint Security,12.3,01/12/2020 08:00:00,1\r\n";
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent
        {
            { file, "file", "bao-cao.csv" },
            { new StringContent("Kaspersky Security Center"), "mapping" },
            { new StringContent("2020-12-01"), "takenOn" },
        };
    }

    /// <summary>A multipart upload of a template of the district with one commune row, as the import page's browser sends it.</summary>
    public static MultipartFormDataContent TemplateUpload(int districtUnitId)
    {
        using var workbook = new MemoryStream();
        TemplateWorkbook.Write(new TemplateDocument(1, "Kế hoạch 2020", districtUnitId, "UBND cấp huyện", null, 0, [new TemplateRow(1, "29863", "Phường 11", 0)]), workbook);
        var file = new ByteArrayContent(workbook.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { file, "file", "mau-phan-bo.xlsx" } };
    }

    /// <summary>A workbook of one account (a viewer of the unit) as the users page's browser sends it.</summary>
    public static MultipartFormDataContent AccountsUpload(int unitId)
    {
        using var workbook = new ClosedXML.Excel.XLWorkbook();
        var sheet = workbook.AddWorksheet("Tài khoản");
        sheet.Cell(1, 1).SetValue<string>("Tên đăng nhập");
        sheet.Cell(2, 1).SetValue<string>($"matrix-bulk-{Guid.NewGuid():N}");
        sheet.Cell(2, 4).SetValue<string>(unitId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        sheet.Cell(2, 5).SetValue<string>("UnitViewer");
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        var file = new ByteArrayContent(stream.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        return new MultipartFormDataContent { { file, "file", "tai-khoan.xlsx" } };
    }

    /// <summary>A reorganisation file in JSON, as the reorganisations page's browser sends it.</summary>
    public static MultipartFormDataContent ReorganisationUpload()
    {
        var file = new ByteArrayContent(LicenseAllocation.Testing.ReorganisationFiles.Json(LicenseAllocation.Testing.ReorganisationFiles.Valid()));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new MultipartFormDataContent { { file, "file", "sap-xep.json" } };
    }

    private static HttpRequestMessage Json(HttpMethod method, string path, object body) => new(method, path) { Content = JsonContent.Create(body) };

    private static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);
}
