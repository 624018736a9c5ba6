using System.Globalization;
using LicenseAllocation.Domain.Allocations;

namespace LicenseAllocation.Application.Common;

/// <summary>
/// Explains a refusal to the person who made it, in Vietnamese unless they asked for English, quoting the numbers
/// (formatted for their culture: "1.177" in Vietnamese) so that they can correct the entry without a phone call.
/// </summary>
public static class RefusalMessages
{
    public static string Describe(AllocationError error, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(culture);
        var english = culture.TwoLetterISOLanguageName == "en";
        string N(int? value) => (value ?? 0).ToString("N0", culture);

        return (error.Code, english) switch
        {
            (AllocationErrorCode.InvalidQuantity, false) => $"Số lượng phải là số nguyên không âm (đã nhập {N(error.Requested)}).",
            (AllocationErrorCode.InvalidQuantity, true) => $"The quantity must be a whole number of 0 or more (you entered {N(error.Requested)}).",
            (AllocationErrorCode.ReasonRequired, false) => "Vui lòng nhập lý do thay đổi (không quá 1.000 ký tự).",
            (AllocationErrorCode.ReasonRequired, true) => "Please give a reason for the change (at most 1,000 characters).",
            (AllocationErrorCode.ExceedsParent, false) =>
                $"Vượt quá số lượng của đơn vị cấp trên: đơn vị cấp trên chỉ còn {N(error.ParentRemaining)} bản quyền chưa phân bổ, nên đơn vị này được nhận tối đa {N(error.Limit)} (đã nhập {N(error.Requested)}).",
            (AllocationErrorCode.ExceedsParent, true) =>
                $"Exceeds the parent's quota: the parent has only {N(error.ParentRemaining)} licences left, so this unit can receive at most {N(error.Limit)} (you entered {N(error.Requested)}).",
            (AllocationErrorCode.BelowHandedOn, false) =>
                $"Không thể giảm xuống {N(error.Requested)}: đơn vị đã phân bổ {N(error.Limit)} bản quyền cho các đơn vị trực thuộc. Hãy giảm phân bổ của các đơn vị trực thuộc trước.",
            (AllocationErrorCode.BelowHandedOn, true) =>
                $"Cannot go down to {N(error.Requested)}: the unit has already handed on {N(error.Limit)} licences to the units under it. Reduce theirs first.",
            (AllocationErrorCode.VersionConflict, false) => "Số liệu của đơn vị này vừa được người khác thay đổi. Vui lòng tải lại trang rồi thực hiện lại.",
            (AllocationErrorCode.VersionConflict, true) => "Someone else has just changed this unit's figures. Reload and try again.",
            (AllocationErrorCode.NotFound, false) => "Không tìm thấy kế hoạch hoặc đơn vị.",
            (AllocationErrorCode.NotFound, true) => "The plan or unit was not found.",
            (AllocationErrorCode.Forbidden, false) => "Bạn không có quyền thực hiện thao tác này.",
            (AllocationErrorCode.Forbidden, true) => "You are not allowed to do this.",
            (AllocationErrorCode.OutOfScope, false) => "Đơn vị này nằm ngoài phạm vi được giao cho tài khoản của bạn.",
            (AllocationErrorCode.OutOfScope, true) => "This unit is outside the part of the tree your account works in.",
            (AllocationErrorCode.DuplicateItem, false) => "Đơn vị này xuất hiện nhiều lần trong cùng một lần lưu; mỗi đơn vị chỉ được nhập một số lượng.",
            (AllocationErrorCode.DuplicateItem, true) => "This unit appears more than once in the same save; give each unit one quantity.",
            (AllocationErrorCode.InvalidName, false) => "Tên đơn vị phải có từ 1 đến 200 ký tự.",
            (AllocationErrorCode.InvalidName, true) => "A unit name has 1 to 200 characters.",
            (AllocationErrorCode.InvalidUnitKind, false) => "Loại đơn vị này không thể trực thuộc đơn vị đã chọn.",
            (AllocationErrorCode.InvalidUnitKind, true) => "This kind of unit cannot stand under the chosen unit.",
            (AllocationErrorCode.InvalidOrder, false) => $"Thứ tự phải là số nguyên từ 1 trở lên (đã nhập {N(error.Requested)}).",
            (AllocationErrorCode.InvalidOrder, true) => $"The position must be a whole number of 1 or more (you entered {N(error.Requested)}).",
            (AllocationErrorCode.UnitNotEmpty, false) =>
                $"Không thể ngừng hoạt động đơn vị đang giữ {N(error.Limit)} bản quyền. Hãy giảm số lượng của đơn vị về 0 trước.",
            (AllocationErrorCode.UnitNotEmpty, true) =>
                $"A unit that holds {N(error.Limit)} licences cannot be deactivated. Bring its quantity down to 0 first.",
            (AllocationErrorCode.UnitInactive, false) => $"Đơn vị đã ngừng hoạt động, không thể nhận bản quyền (đã nhập {N(error.Requested)}).",
            (AllocationErrorCode.UnitInactive, true) => $"The unit is deactivated and cannot receive licences (you entered {N(error.Requested)}).",
            (AllocationErrorCode.InvalidRole, false) => "Vai trò không hợp lệ. Chọn một trong: ProvinceAdmin, DistrictOfficer, UnitViewer, Auditor.",
            (AllocationErrorCode.InvalidRole, true) => "Unknown role. Choose one of ProvinceAdmin, DistrictOfficer, UnitViewer, Auditor.",
            (AllocationErrorCode.ScopeRequired, false) => "Vai trò này cần chọn đơn vị phụ trách.",
            (AllocationErrorCode.ScopeRequired, true) => "This role needs the unit the user works in.",
            (AllocationErrorCode.ScopeNotAllowed, false) => "Quản trị cấp tỉnh và kiểm tra viên làm việc trên toàn tỉnh; không chọn đơn vị phụ trách.",
            (AllocationErrorCode.ScopeNotAllowed, true) => "Province administrators and auditors work across the whole province; do not give a unit.",
            (AllocationErrorCode.InvalidScope, false) => "Đơn vị phụ trách không hợp lệ: cán bộ cấp huyện phải thuộc một UBND cấp huyện; người xem phải thuộc một đơn vị có trong danh sách.",
            (AllocationErrorCode.InvalidScope, true) => "Invalid unit: a district officer works in a district People's Committee; a viewer in an existing unit.",
            (AllocationErrorCode.WeakPassword, false) => $"Mật khẩu phải có ít nhất {N(error.Limit)} ký tự.",
            (AllocationErrorCode.WeakPassword, true) => $"The password must have at least {N(error.Limit)} characters.",
            (AllocationErrorCode.InvalidUserName, false) => "Tên đăng nhập chỉ gồm chữ cái không dấu, chữ số và các ký tự - . _ @ +.",
            (AllocationErrorCode.InvalidUserName, true) => "A user name consists of letters without diacritics, digits and - . _ @ +.",
            (AllocationErrorCode.DuplicateUser, false) => "Tên đăng nhập này đã được sử dụng.",
            (AllocationErrorCode.DuplicateUser, true) => "This user name is already taken.",
            (AllocationErrorCode.UserNotFound, false) => "Không tìm thấy tài khoản.",
            (AllocationErrorCode.UserNotFound, true) => "The user was not found.",
            (AllocationErrorCode.CannotDisableSelf, false) => "Không thể tự khóa tài khoản của chính mình.",
            (AllocationErrorCode.CannotDisableSelf, true) => "You cannot disable your own account.",
            (AllocationErrorCode.DocumentRefTooLong, false) =>
                $"Căn cứ văn bản không quá {N(error.Limit)} ký tự (đã nhập {N(error.Requested)}). Chỉ ghi số, ký hiệu và ngày của văn bản, ví dụ \"Công văn số 123/UBND-VX ngày 05/01/2021\".",
            (AllocationErrorCode.DocumentRefTooLong, true) =>
                $"The document reference has at most {N(error.Limit)} characters (you entered {N(error.Requested)}). Give the letter's number, symbol and date, e.g. \"Công văn số 123/UBND-VX ngày 05/01/2021\".",
            (AllocationErrorCode.PlanLocked, false) =>
                "Kế hoạch đã ban hành nên số liệu và danh sách đơn vị đã khóa, không thể sửa. Muốn thay đổi, quản trị cấp tỉnh tạo bản điều chỉnh của kế hoạch.",
            (AllocationErrorCode.PlanLocked, true) =>
                "The plan has been published, so its figures and units are locked. To change them, a province administrator creates an amendment of the plan.",
            (AllocationErrorCode.DocumentNumberRequired, false) => "Vui lòng nhập số, ký hiệu văn bản ban hành (không quá 64 ký tự), ví dụ 125/STTTT-CNTT.",
            (AllocationErrorCode.DocumentNumberRequired, true) => "Please give the number of the publishing letter (at most 64 characters), for example 125/STTTT-CNTT.",
            (AllocationErrorCode.DocumentDateRequired, false) => "Vui lòng nhập ngày ký văn bản ban hành.",
            (AllocationErrorCode.DocumentDateRequired, true) => "Please give the date the publishing letter was signed.",
            (AllocationErrorCode.SignerRequired, false) => "Vui lòng nhập người ký văn bản ban hành (không quá 200 ký tự).",
            (AllocationErrorCode.SignerRequired, true) => "Please give who signed the publishing letter (at most 200 characters).",
            (AllocationErrorCode.PlanNotPublished, false) =>
                "Chỉ tạo bản điều chỉnh từ kế hoạch đang có hiệu lực (đã ban hành và chưa được thay thế).",
            (AllocationErrorCode.PlanNotPublished, true) => "Only the plan in force (published and not yet superseded) can be amended.",
            (AllocationErrorCode.AmendmentExists, false) =>
                "Kế hoạch này đã có một bản điều chỉnh đang soạn thảo. Hãy tiếp tục bản điều chỉnh đó.",
            (AllocationErrorCode.AmendmentExists, true) => "This plan already has a draft amendment. Continue with that one.",
            (AllocationErrorCode.InvalidPlanName, false) => "Tên kế hoạch phải có từ 1 đến 300 ký tự.",
            (AllocationErrorCode.InvalidPlanName, true) => "A plan name has 1 to 300 characters.",
            (AllocationErrorCode.InvalidYear, false) => $"Năm của kế hoạch phải từ 2000 đến 2100 (đã nhập {error.Requested}).",
            (AllocationErrorCode.InvalidYear, true) => $"The plan's year must be between 2000 and 2100 (you entered {error.Requested}).",
            (AllocationErrorCode.DuplicatePlan, false) => "Đã có kế hoạch cùng tên trong năm này. Hãy đặt tên khác.",
            (AllocationErrorCode.DuplicatePlan, true) => "A plan of this name already exists for that year. Choose another name.",
            (AllocationErrorCode.InvalidProductName, false) => "Tên phần mềm phải có từ 1 đến 200 ký tự.",
            (AllocationErrorCode.InvalidProductName, true) => "The product name has 1 to 200 characters.",
            (AllocationErrorCode.InvalidVendor, false) => "Tên hãng sản xuất, nhà cung cấp không quá 200 ký tự.",
            (AllocationErrorCode.InvalidVendor, true) => "The vendor's name has at most 200 characters.",
            (AllocationErrorCode.InvalidLicenceTerm, false) => "Ngày hết hạn bản quyền phải sau ngày bắt đầu.",
            (AllocationErrorCode.InvalidLicenceTerm, true) => "The licence term must end after it starts.",
            _ => throw new ArgumentOutOfRangeException(nameof(error), error.Code, "Unknown refusal."),
        };
    }

    /// <summary>The machine-readable code of the API: <c>ExceedsParent</c> becomes <c>exceeds-parent</c>.</summary>
    public static string ApiCode(this AllocationErrorCode code) => string.Concat(
        code.ToString().Select((ch, i) => char.IsUpper(ch) && i > 0 ? "-" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
}
