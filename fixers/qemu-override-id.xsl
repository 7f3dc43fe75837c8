<?xml version="1.0"?>
<!-- qemu-override-id: remove qemu:property name='id' from qemu:override,
     and the qemu:frontend, qemu:device and qemu:override elements that are
     left without properties by it.
     Parameters: targets, the vl:id of each qemu:property. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix"
                xmlns:q="http://libvirt.org/schemas/domain/qemu/1.0"
                exclude-result-prefixes="vl q">
  <xsl:param name="targets"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <!-- an element the fix empties: it has targeted properties and nothing else -->
  <xsl:template match="q:override|q:device|q:frontend|q:property">
    <xsl:variable name="props" select="descendant-or-self::q:property"/>
    <xsl:variable name="gone" select="$props[contains($targets, concat(' ', @vl:id, ' '))]"/>
    <xsl:if test="not($gone and count($gone) = count($props) and
                      count(descendant-or-self::*) = count(descendant-or-self::*[self::q:property or
                                                                                 self::q:frontend or
                                                                                 self::q:device or
                                                                                 self::q:override]))">
      <xsl:copy>
        <xsl:apply-templates select="@*|node()"/>
      </xsl:copy>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
