using System.Globalization;
using LicenseAllocation.Domain.Auditing;

namespace LicenseAllocation.Application.Auditing;

/// <summary>What an audit action is called in the trail, the export and the unit history: Vietnamese unless the reader chose English.</summary>
public static class AuditActionText
{
    public static string Of(AuditAction action, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var english = culture.TwoLetterISOLanguageName == "en";
        return (action, english) switch
        {
            (AuditAction.Seeded, false) => "Nạp số liệu ban đầu",
            (AuditAction.Seeded, true) => "Initial figure",
            (AuditAction.QuantityChanged, false) => "Thay đổi số lượng",
            (AuditAction.QuantityChanged, true) => "Quantity changed",
            (AuditAction.UnitCreated, false) => "Thêm đơn vị",
            (AuditAction.UnitCreated, true) => "Unit added",
            (AuditAction.UnitRenamed, false) => "Đổi tên đơn vị",
            (AuditAction.UnitRenamed, true) => "Unit renamed",
            (AuditAction.UnitMoved, false) => "Đổi thứ tự đơn vị",
            (AuditAction.UnitMoved, true) => "Unit reordered",
            (AuditAction.UnitDeactivated, false) => "Ngừng hoạt động đơn vị",
            (AuditAction.UnitDeactivated, true) => "Unit deactivated",
            (AuditAction.UnitActivated, false) => "Hoạt động lại đơn vị",
            (AuditAction.UnitActivated, true) => "Unit reactivated",
            (AuditAction.UserCreated, false) => "Tạo tài khoản",
            (AuditAction.UserCreated, true) => "Account created",
            (AuditAction.UserDisabled, false) => "Khóa tài khoản",
            (AuditAction.UserDisabled, true) => "Account disabled",
            (AuditAction.UserPasswordReset, false) => "Đặt lại mật khẩu",
            (AuditAction.UserPasswordReset, true) => "Password reset",
            (AuditAction.PlanCreated, false) => "Tạo kế hoạch",
            (AuditAction.PlanCreated, true) => "Plan created",
            (AuditAction.PlanDescribed, false) => "Cập nhật thông tin kế hoạch",
            (AuditAction.PlanDescribed, true) => "Plan details changed",
            (AuditAction.PlanPublished, false) => "Ban hành kế hoạch",
            (AuditAction.PlanPublished, true) => "Plan published",
            (AuditAction.PlanSuperseded, false) => "Kế hoạch bị thay thế",
            (AuditAction.PlanSuperseded, true) => "Plan superseded",

            // An action added later reads as its stored name until it is given words here.
            _ => action.ToString(),
        };
    }

    /// <summary>The action by its exact stored name (any case), as the API's <c>action</c> filter takes it; numbers are refused.</summary>
    public static AuditAction? Parse(string? name) =>
        Enum.GetValues<AuditAction>().Select(a => (AuditAction?)a).FirstOrDefault(a => string.Equals(a.ToString(), name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
