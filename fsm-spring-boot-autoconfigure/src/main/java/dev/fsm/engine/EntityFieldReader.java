package dev.fsm.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

import org.jspecify.annotations.Nullable;

import org.springframework.asm.MethodVisitor;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.expression.AccessException;
import org.springframework.expression.EvaluationContext;
import org.springframework.expression.TypedValue;
import org.springframework.expression.spel.CodeFlow;
import org.springframework.expression.spel.CompilablePropertyAccessor;

/**
 * Reads one field of a workflow entity that has no public getter: the accessor Spring
 * caches for the expression node that names it, and compiles into a call of
 * {@link EntityFieldAccessor#readField}, typed as the field when compiled code may name
 * its type.
 */
final class EntityFieldReader implements CompilablePropertyAccessor {

	private final Field field;

	private final TypeDescriptor type;

	private final boolean hasSetter;

	EntityFieldReader(Field field, boolean hasSetter) {
		this.field = field;
		this.type = new TypeDescriptor(field);
		this.hasSetter = hasSetter;
	}

	Field field() {
		return this.field;
	}

	/** Whether a setter writes the property; the field itself is never written. */
	boolean hasSetter() {
		return this.hasSetter;
	}

	@Override
	public Class<?> @Nullable [] getSpecificTargetClasses() {
		return new Class<?>[] { this.field.getDeclaringClass() };
	}

	@Override
	public boolean canRead(EvaluationContext context, @Nullable Object target, String name) {
		if (target == null || !name.equals(this.field.getName())) {
			return false;
		}
		EntityFieldReader reader = EntityFieldAccessor.direct(target.getClass(), name);
		return reader != null && reader.field.equals(this.field);
	}

	@Override
	public TypedValue read(EvaluationContext context, @Nullable Object target, String name) throws AccessException {
		if (!canRead(context, target, name)) {
			throw new AccessException("Field '" + name + "' is not read directly on this object");
		}
		Object value = value(target);
		return new TypedValue(value, this.type.narrow(value));
	}

	@Nullable Object value(@Nullable Object target) {
		try {
			return this.field.get(target);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException("Cannot read field " + this.field, ex);
		}
	}

	@Override
	public boolean canWrite(EvaluationContext context, @Nullable Object target, String name) {
		return false;
	}

	@Override
	public void write(EvaluationContext context, @Nullable Object target, String name, @Nullable Object newValue)
			throws AccessException {
		throw new AccessException("Field '" + name + "' is read only");
	}

	@Override
	public boolean isCompilable() {
		return true;
	}

	/** The field's type when compiled code may name it, else {@code Object}. */
	@Override
	public Class<?> getPropertyType() {
		Class<?> type = this.field.getType();
		return (type.isPrimitive() || isPublic(type)) ? type : Object.class;
	}

	@Override
	public void generateCode(String propertyName, MethodVisitor mv, CodeFlow cf) {
		if (cf.lastDescriptor() == null) {
			cf.loadTarget(mv);
		}
		mv.visitLdcInsn(propertyName);
		mv.visitMethodInsn(INVOKESTATIC, "dev/fsm/engine/EntityFieldAccessor", "readField",
				"(Ljava/lang/Object;Ljava/lang/String;)Ljava/lang/Object;", false);
		Class<?> type = getPropertyType();
		if (type.isPrimitive()) {
			CodeFlow.insertUnboxInsns(mv, CodeFlow.toDescriptor(type).charAt(0), "Ljava/lang/Object");
		}
		else if (type != Object.class) {
			mv.visitTypeInsn(CHECKCAST, type.getName().replace('.', '/'));
		}
	}

	private static boolean isPublic(Class<?> type) {
		return !type.isArray() && Modifier.isPublic(type.getModifiers())
				&& (type.getEnclosingClass() == null || isPublic(type.getEnclosingClass()));
	}

}
