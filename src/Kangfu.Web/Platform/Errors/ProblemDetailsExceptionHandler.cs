using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Kangfu.Web.Platform.Errors;

/// <summary>Turns domain exceptions thrown by HTTP endpoints into ProblemDetails with a Chinese message.</summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problemDetails) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var status = exception switch
        {
            DomainException or InputInvalidException => StatusCodes.Status400BadRequest,
            BadHttpRequestException => StatusCodes.Status400BadRequest,
            NotFoundException => StatusCodes.Status404NotFound,
            ConcurrencyConflictException => StatusCodes.Status409Conflict,
            UnauthorizedAccessException => StatusCodes.Status403Forbidden,
            _ => 0,
        };
        if (status == 0)
        {
            return false;
        }
        httpContext.Response.StatusCode = status;
        var detail = exception is BadHttpRequestException ? "请求格式不正确。" : exception.Message;
        var problem = exception is InputInvalidException invalid
            ? new HttpValidationProblemDetails(invalid.Errors.ToDictionary(e => e.Key, e => new[] { e.Value })) { Title = "输入有误，请按提示修改。" }
            : new ProblemDetails { Title = detail };
        problem.Status = status;
        problem.Detail = detail;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }
}
