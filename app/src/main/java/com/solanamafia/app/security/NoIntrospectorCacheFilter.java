package com.solanamafia.app.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;

import java.util.List;

/**
 * Unwraps Spring Security's filter chain from the {@code HandlerMappingIntrospector} cache filter that Spring
 * Security 6 puts in front of it when Spring MVC is present. That filter looks up the request's MVC handler for every
 * request (the DispatcherServlet looks it up again) so that MVC request matchers and MVC-based CORS inside the
 * security chains can reuse it; ours use neither (path-pattern matchers, CORS in MVC), and the lookup was a tenth of
 * the CPU of a {@code GET /players/{wallet}} (BENCHMARKS.md). If the bean is not shaped as expected (another Spring
 * Security version), nothing changes.
 */
final class NoIntrospectorCacheFilter implements BeanFactoryPostProcessor {
    private static final Logger log = LoggerFactory.getLogger(NoIntrospectorCacheFilter.class);
    private static final String FILTER_CHAIN = "springSecurityFilterChain";
    private static final String COMPOSITE = "CompositeFilterChainProxy";
    private static final String CACHE_FILTER = "HandlerMappingIntrospectorCacheFilterFactoryBean";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!(beanFactory instanceof BeanDefinitionRegistry registry) || !registry.containsBeanDefinition(FILTER_CHAIN)) {
            return;
        }
        BeanDefinition composite = registry.getBeanDefinition(FILTER_CHAIN);
        ConstructorArgumentValues.ValueHolder argument =
                composite.getConstructorArgumentValues().getIndexedArgumentValue(0, List.class);
        if (!endsWith(composite, COMPOSITE) || argument == null
                || !(argument.getValue() instanceof List<?> filters) || filters.size() != 2
                || !(filters.get(0) instanceof BeanDefinition cache) || !endsWith(cache, CACHE_FILTER)
                || !(filters.get(1) instanceof BeanDefinition filterChainProxy)) {
            return;
        }
        registry.removeBeanDefinition(FILTER_CHAIN);
        registry.registerBeanDefinition(FILTER_CHAIN, filterChainProxy);
        log.debug("Spring Security filter chain registered without the HandlerMappingIntrospector cache filter");
    }

    private static boolean endsWith(BeanDefinition definition, String simpleName) {
        String name = definition.getBeanClassName();
        return name != null && name.endsWith("$" + simpleName);
    }
}
