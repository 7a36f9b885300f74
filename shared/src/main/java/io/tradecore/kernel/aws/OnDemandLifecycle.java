package io.tradecore.kernel.aws;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.Lifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.support.DefaultLifecycleProcessor;

/**
 * A Lambda's lifecycle: a component starts when it is first created, not at refresh. With lazy initialization a
 * Lambda builds only what its function reaches, but Spring's lifecycle processor still creates every
 * {@link SmartLifecycle} bean at refresh to ask whether it auto-starts (the Redis connection factory with its Netty
 * resources, the outbox relay with the event store behind it), and Boot keeps every
 * {@link SmartInitializingSingleton} eager (Kafka's template and admin, with their producer factory): a command that
 * touches neither Redis nor Kafka paid for both on every cold start. Here refresh starts only the lifecycle beans
 * that already exist; one created later is started as it is created, if it auto-starts; Kafka's singletons wait
 * for first use (their after-singletons callback only registers observation, which a Lambda does not export).
 */
public final class OnDemandLifecycle extends DefaultLifecycleProcessor implements BeanPostProcessor {

    private ConfigurableListableBeanFactory beans;
    private volatile boolean refreshed;

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        super.setBeanFactory(beanFactory);
        this.beans = (ConfigurableListableBeanFactory) beanFactory;
    }

    @Override
    protected Map<String, Lifecycle> getLifecycleBeans() {
        Map<String, Lifecycle> created = new LinkedHashMap<>();
        for (String name : beans.getBeanNamesForType(Lifecycle.class, false, false)) {
            if (beans.containsSingleton(name) && !name.equals(LIFECYCLE_PROCESSOR)) {
                created.put(name, beans.getBean(name, Lifecycle.class));
            }
        }
        return created;
    }

    @Override
    public void onRefresh() {
        super.onRefresh();
        refreshed = true;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (refreshed && bean instanceof SmartLifecycle lifecycle && lifecycle.isAutoStartup() && !lifecycle.isRunning()) {
            lifecycle.start();
        }
        return bean;
    }

    static final String LIFECYCLE_PROCESSOR = "lifecycleProcessor";

    /** Kafka's template and admin wait for first use, like every other bean of a Lambda. */
    public static BeanFactoryPostProcessor lazyKafka() {
        return factory -> {
            for (String name : factory.getBeanDefinitionNames()) {
                Class<?> type = factory.getType(name, false);
                if (type != null && type.getName().startsWith("org.springframework.kafka.")
                        && SmartInitializingSingleton.class.isAssignableFrom(type)) {
                    BeanDefinition definition = factory.getBeanDefinition(name);
                    definition.setLazyInit(true);
                }
            }
        };
    }
}
