package io.parley.platform.tracing;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.annotation.PreDestroy;
import zipkin2.reporter.urlconnection.URLConnectionSender;

import java.util.concurrent.TimeUnit;

/**
 * This service's OpenTelemetry SDK, built at startup: spans carry {@code service.name} (the
 * application name) and go to {@code im.tracing.zipkin-url} when set. Closing flushes them.
 */
@Context
final class Tracing {
    private final OpenTelemetrySdk sdk;

    Tracing(TracingSettings settings,
            @Value("${micronaut.application.name:parley}") String service) {
        SdkTracerProviderBuilder provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault().merge(Resource.create(Attributes.of(
                        AttributeKey.stringKey("service.name"), service))))
                .setSampler(Sampler.parentBased(Sampler.traceIdRatioBased(settings.sampleRatio())));
        if (settings.zipkinUrl() != null && !settings.zipkinUrl().isBlank()) {
            provider.addSpanProcessor(BatchSpanProcessor.builder(ZipkinSpanExporter.builder()
                            .setSender(URLConnectionSender.create(settings.zipkinUrl())).build())
                    .setScheduleDelay(settings.exportDelay()).build());
        }
        this.sdk = OpenTelemetrySdk.builder().setTracerProvider(provider.build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        Traces.install(sdk);
    }

    @PreDestroy
    void close() {
        sdk.getSdkTracerProvider().shutdown().join(5, TimeUnit.SECONDS);
    }
}
