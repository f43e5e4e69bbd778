using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Kangfu.IntegrationTests.Infrastructure;

/// <summary>TestServer leaves the client address empty; Kestrel always sets it. Tests get 127.0.0.1 (audited IP, per-IP rate limit).</summary>
internal sealed class TestClientIp : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress ??= IPAddress.Loopback;
            return nextMiddleware(context);
        });
        next(app);
    };
}
