using Dua.Gateway.Routing;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Transforms;

namespace Dua.Gateway.Proxy;

/// <summary>
/// YARP, configured from the <c>ReverseProxy</c> section: routes for the dua.v1 services, gRPC health and
/// reflection only, and one <c>silos</c> cluster whose destinations come from the silo directory.
/// </summary>
public static class GatewayProxyExtensions
{
    public const string SectionName = "ReverseProxy";

    public static WebApplicationBuilder AddGatewayProxy(this WebApplicationBuilder builder)
    {
        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection(SectionName))
            .AddTransforms(transforms => transforms.AddResponseTransform(AnswerWithoutGrpcStatus.ToUnavailableAsync));
        // After AddReverseProxy: the last registration is the one YARP uses.
        builder.Services.AddSingleton<IForwarderHttpClientFactory, SiloTrustingHttpClientFactory>();
        builder.Services.AddSingleton<ILoadBalancingPolicy, CountyOwnerPolicy>();
        return builder;
    }

    /// <summary>
    /// The call's county read for the load balancer (<see cref="CountyOwnerPolicy"/>), YARP's own steps (session
    /// affinity, load balancing, passive health checks), then the mapping of forwarding failures to gRPC statuses,
    /// which the passive health check must see done.
    /// </summary>
    public static WebApplication MapGatewayProxy(this WebApplication app)
    {
        app.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<RequestCountyMiddleware>();
            proxy.UseSessionAffinity();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
            proxy.UseMiddleware<ForwardingFailureMiddleware>();
        });
        return app;
    }
}
