namespace Kangfu.Web.Platform.Errors;

/// <summary>A broken business rule. The message is shown to the user as is, so it is Chinese.</summary>
public sealed class DomainException(string message) : Exception(message);

/// <summary>A concurrent edit lost the race; the user must reload.</summary>
public sealed class ConcurrencyConflictException(string message = "该记录已被其他用户修改，请刷新后重试。")
    : Exception(message);

/// <summary>The object does not exist or lies outside the user's scope; both look the same to the caller.</summary>
public sealed class NotFoundException() : Exception("记录不存在或无权访问。");
