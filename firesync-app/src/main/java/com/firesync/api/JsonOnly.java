package com.firesync.api;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API reads and writes JSON only. Spring adds a YAML converter whenever Jackson's YAML module is on the class path
 * (swagger-core brings it, for springdoc's {@code /v3/api-docs.yaml}, which answers its own bytes and needs no
 * converter); through it, {@code Accept: application/yaml} got an undocumented shape (a default Jackson 2 mapper:
 * instants as epoch seconds, none of FireSync's Jackson settings) and a YAML body was read without the limits the JSON
 * parser sets on nesting and lengths. Without it, such a request is refused as any other unsupported type: 406 or 415.
 */
@Configuration(proxyBeanMethods = false)
class JsonOnly implements WebMvcConfigurer {

    @Override
    public void configureMessageConverters(HttpMessageConverters.ServerBuilder builder) {
        builder.configureMessageConvertersList(converters -> converters.removeIf(JsonOnly::readsOrWritesYaml));
    }

    /** Declares YAML itself: not those that take any type (bytes, strings), which answer what a handler gives them. */
    static boolean readsOrWritesYaml(HttpMessageConverter<?> converter) {
        return converter.getSupportedMediaTypes().stream().anyMatch(MediaType.APPLICATION_YAML::equalsTypeAndSubtype);
    }
}
