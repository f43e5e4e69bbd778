using Kangfu.Web.Platform.Validation;

namespace Kangfu.Web.Modules.Organization.SaveInstitution;

/// <summary>The create/edit form of an institution. An edit sends back the version it loaded.</summary>
public sealed class SaveInstitutionInput
{
    public Guid? Id { get; set; }
    public Guid? Version { get; set; }
    public string Name { get; set; } = "";
    public InstitutionKind Kinds { get; set; }
    public DeviceDirection Directions { get; set; }
    public string? CreditCode { get; set; }
    public string? Address { get; set; }
    public string? ContactPhone { get; set; }
    public DateOnly? QualifiedUntil { get; set; }
    public bool IsActive { get; set; } = true;
    /// <summary>Areas served (district, street or community codes); a street covers its communities.</summary>
    public List<string> ServiceAreaCodes { get; set; } = [];

    public bool IsNew => Id is null;

    public bool DoesDeviceWork => (Kinds & (InstitutionKind.DeviceService | InstitutionKind.DeviceAssessment)) != 0;

    public static SaveInstitutionInput From(Institution i) => new()
    {
        Id = i.Id,
        Version = i.Version,
        Name = i.Name,
        Kinds = i.Kinds,
        Directions = i.Directions,
        CreditCode = i.CreditCode,
        Address = i.Address,
        ContactPhone = i.ContactPhone,
        QualifiedUntil = i.QualifiedUntil,
        IsActive = i.IsActive,
        ServiceAreaCodes = i.ServiceAreas.Select(a => a.AreaCode).ToList(),
    };

    /// <summary>Field name → Chinese message for every broken shape rule.</summary>
    public Dictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var name = Name.Trim();
        if (name.Length is 0 or > 100)
        {
            errors[nameof(Name)] = name.Length == 0 ? "请填写机构名称" : "机构名称不能超过100个字";
        }
        if (Kinds == InstitutionKind.None)
        {
            errors[nameof(Kinds)] = "请至少选择一种机构类型";
        }
        if (Directions != DeviceDirection.None && !DoesDeviceWork)
        {
            errors[nameof(Directions)] = "只有辅具服务或辅具评估机构可以选择辅具方向";
        }
        if (CreditCode?.Trim().ToUpperInvariant() is { Length: > 0 } code && Platform.Validation.CreditCode.Check(code) is { Length: > 0 } codeError)
        {
            errors[nameof(CreditCode)] = codeError;
        }
        if (!PhoneNumber.IsValidOrEmpty(ContactPhone))
        {
            errors[nameof(ContactPhone)] = "联系电话应为11位手机号，或带区号的固定电话（如022-12345678）";
        }
        if ((Address?.Trim().Length ?? 0) > 200)
        {
            errors[nameof(Address)] = "地址不能超过200个字";
        }
        if (ServiceAreaCodes.Count == 0)
        {
            errors[nameof(ServiceAreaCodes)] = "请至少选择一个服务区域";
        }
        return errors;
    }
}
