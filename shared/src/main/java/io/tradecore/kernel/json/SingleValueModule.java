package io.tradecore.kernel.json;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.tradecore.kernel.domain.SingleValue;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.introspect.AnnotatedMethod;
import tools.jackson.databind.introspect.NopAnnotationIntrospector;
import tools.jackson.databind.module.SimpleModule;

/**
 * Writes a {@link SingleValue} record as its one component and reads it through the canonical constructor, so
 * {@code Email("a@b.c")} is {@code "a@b.c"} in JSON and its validation runs on every read. Domain code stays free
 * of Jackson annotations.
 */
public final class SingleValueModule extends SimpleModule {

    public SingleValueModule() {
        super("tradecore-single-value");
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.insertAnnotationIntrospector(new Introspector());
    }

    private static final class Introspector extends NopAnnotationIntrospector {

        @Override
        public Boolean hasAsValue(MapperConfig<?> config, Annotated annotated) {
            if (annotated instanceof AnnotatedMethod method && isSingleValue(method.getDeclaringClass())) {
                Method accessor = method.getAnnotated();
                RecordComponent component = method.getDeclaringClass().getRecordComponents()[0];
                return accessor.getParameterCount() == 0 && accessor.getName().equals(component.getName()) ? true : null;
            }
            return null;
        }

        @Override
        public JsonCreator.Mode findCreatorAnnotation(MapperConfig<?> config, Annotated annotated) {
            if (annotated instanceof AnnotatedConstructor constructor && isSingleValue(constructor.getDeclaringClass())) {
                Constructor<?> raw = constructor.getAnnotated();
                Class<?> componentType = constructor.getDeclaringClass().getRecordComponents()[0].getType();
                if (raw.getParameterCount() == 1 && raw.getParameterTypes()[0] == componentType) {
                    return JsonCreator.Mode.DELEGATING;
                }
            }
            return null;
        }

        private static boolean isSingleValue(Class<?> type) {
            return type.isRecord() && SingleValue.class.isAssignableFrom(type) && type.getRecordComponents().length == 1;
        }
    }
}
